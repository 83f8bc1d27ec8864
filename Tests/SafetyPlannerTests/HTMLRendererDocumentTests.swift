import SafetyPlanner
import Testing

@Suite("HTMLRenderer: the whole page")
struct HTMLRendererDocumentTests {
    /// Every node kind and hostile data in every slot, compared whole. This output passes
    /// the W3C Nu HTML checker with no errors (`vnu --errors-only --also-check-css`).
    @Test("A document with every node kind renders to the expected page, byte for byte")
    func kitchenSink() {
        #expect(HTMLRenderer().render(kitchenSinkDocument) == Self.expected)
    }

    @Test("Rendering is deterministic")
    func deterministic() {
        #expect(HTMLRenderer().render(kitchenSinkDocument) == HTMLRenderer().render(kitchenSinkDocument))
    }

    static let expected = #"""
        <!DOCTYPE html>
        <html lang="es">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Safety plan for &quot;J&quot; &lt;script&gt;alert(1)&lt;/script&gt;</title>
        <style>
        html { color: #000; background: #fff; }
        body { margin: 0; padding: 1rem; font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.05rem; line-height: 1.45; }
        main { max-width: 42rem; margin: 0 auto; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.2; margin: 1.25em 0 0.5em; break-after: avoid; }
        h1 { font-size: 1.6em; margin-top: 0; }
        h2 { font-size: 1.3em; border-bottom: 1px solid #000; padding-bottom: 0.1em; }
        h3 { font-size: 1.1em; }
        p, ul, ol, .field, .note { margin: 0 0 0.75em; }
        ul, ol { padding-left: 1.5em; }
        li { margin: 0.25em 0; }
        li, .field, .checklist li, .note { break-inside: avoid; }
        a { color: #000; text-decoration: underline; }
        a[href^="tel:"], a[href^="sms:"] { white-space: nowrap; }
        .web { overflow-wrap: anywhere; }
        .checklist { list-style: none; padding-left: 0; }
        .checklist li { position: relative; padding-left: 1.75em; }
        .box { position: absolute; left: 0; top: 0.2em; width: 1.1em; height: 1.1em; box-sizing: border-box; border: 2px solid #000; }
        .checked .box::after { content: "\2713"; position: absolute; left: 0.05em; top: -0.3em; font-weight: bold; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .label { font-weight: bold; }
        .write-in { display: inline-block; width: 60%; min-width: 10em; max-width: 100%; height: 2em; margin-left: 0.4em; border-bottom: 1px solid #000; vertical-align: bottom; }
        .field.empty { display: flex; flex-wrap: wrap; align-items: flex-end; }
        .field.empty > .write-in { flex: 1 1 10em; width: auto; }
        .field.empty > .write-in-line { flex: 0 0 100%; }
        .write-in-line { height: 2em; border-bottom: 1px solid #000; }
        .blank { display: inline-block; max-width: 100%; height: 1.2em; border-bottom: 1px solid #000; vertical-align: text-bottom; }
        .w4 { width: 4ch; } .w8 { width: 8ch; } .w12 { width: 12ch; } .w16 { width: 16ch; }
        .w24 { width: 24ch; } .w32 { width: 32ch; } .w40 { width: 40ch; }
        .note { border: 1px solid #000; border-left-width: 4px; padding: 0.5em 0.75em; }
        .note p { margin: 0; }
        .page-break { margin: 1.5em 0; border-top: 1px dashed #000; }
        .keep { margin: 0 0 0.75em; break-inside: avoid; }
        .write-in-line + p, .write-in-line + .note { margin-top: 0.75em; }
        @page {
          size: auto;
          margin: 14mm 16mm 15mm;
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #000; }
        }
        @media print {
          body { padding: 0; font-size: 12pt; line-height: 1.35; }
          li { margin: 0.15em 0; }
          h1, h2, h3, h4, h5, h6 { margin: 1em 0 0.4em; }
          h1 { margin-top: 0; }
          main { max-width: none; }
          h1 { font-size: 20pt; }
          h2 { font-size: 15pt; }
          h3 { font-size: 13pt; }
          section section > h3 { font-size: 12pt; margin: 0.3em 0 0; }
          section section > ul:last-child { margin-bottom: 0; }
          section section li { margin: 0.05em 0; line-height: 1.28; }
          a { text-decoration: none; }
          p, li { orphans: 2; widows: 2; }
          ul, ol, .write-in-line { break-before: avoid; }
          .page-break { margin: 0; border: 0; break-after: page; }
        }
        </style>
        </head>
        <body>
        <main>
        <h1>My safety plan</h1>
        <p>Call <a href="tel:+18883737888">+1 (888) 373-7888</a> or text <a href="sms:233733">233733</a> — <em>any time</em>. <strong>You matter.</strong></p>
        <section class="domain-support">
        <h2>People I trust</h2>
        <ul>
        <li>A friend</li>
        <li>My aunt</li>
        </ul>
        <ol>
        <li>
        <div class="keep">
        <p>Step one</p>
        <div class="write-in-line"></div>
        </div>
        </li>
        <li></li>
        </ol>
        </section>
        <div class="page-break"></div>
        <section class="domain-shelterx">
        <h6>Places</h6>
        <ul class="checklist">
        <li><span class="box" aria-hidden="true"></span> Pack a bag</li>
        <li class="checked"><span class="box" aria-hidden="true"></span> <span class="visually-hidden">(done)</span> Save numbers</li>
        </ul>
        <div class="field"><span class="label">Name:</span> Ana</div>
        <div class="field empty"><span class="label">Where can I go?</span><span class="write-in"></span></div>
        <div class="field empty"><span class="label">Goals:</span><span class="write-in"></span><div class="write-in-line"></div><div class="write-in-line"></div></div>
        <div class="write-in-line"></div>
        <div class="write-in-line"></div>
        <div class="note"><p>Visit <span class="web">https://example.org/&#39;&quot;&gt;&lt;script&gt;</span> later.</p></div>
        <p>Code word: <span class="blank w12"></span></p>
        <p>javascript:alert(1)</p>
        </section>
        <section>
        <p>[2J&lt;b&gt;&#39;x&#39;&lt;/b&gt; &amp;amp;</p>
        </section>
        </main>
        </body>
        </html>

        """#
}
