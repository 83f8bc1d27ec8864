/// The app's own stylesheet and script, served from the app (`/app.css`, `/app.js`): the
/// pages' Content-Security-Policy allows no other, and no inline script or style.
enum Assets {
    /// Every page works without it; with it, "Leave this page" empties the page at once
    /// and pressing Shift three times within five seconds does the same (GOV.UK's "Exit
    /// this page", which avoids Esc). Either way the page then posts `/leave` as a form
    /// (the Content-Security-Policy has no `connect-src`, so `fetch` is refused).
    static let script = """
        (function () {
          "use strict";
          var left = false;
          function leave() {
            if (left) { return; }
            left = true;
            document.title = "New Tab";
            document.body.innerHTML = "";
            // The page's own form, posted as without script (the CSP allows no fetch):
            // the session ends on the server and the answer is the blank page.
            var form = document.createElement("form");
            form.method = "post";
            form.action = "/leave";
            document.body.appendChild(form);
            form.submit();
          }
          var presses = 0;
          var timer = null;
          document.addEventListener("keyup", function (event) {
            if (event.key !== "Shift") { presses = 0; return; }
            presses += 1;
            if (timer === null) {
              timer = window.setTimeout(function () { presses = 0; timer = null; }, 5000);
            }
            if (presses >= 3) { leave(); }
          });
          document.addEventListener("submit", function (event) {
            if (event.target && event.target.classList && event.target.classList.contains("leave")) {
              event.preventDefault();
              leave();
            }
          });
        })();

        """

    static let stylesheet = """
        html { color: #111; background: #fff; }
        body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          font-size: 1.05rem; line-height: 1.45; }
        .bar { position: sticky; top: 0; z-index: 10; display: flex; justify-content: flex-end;
          padding: 0.5rem 1rem; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; }
        .leave { margin: 0; }
        .leave button { font: inherit; font-weight: bold; color: #fff; background: #b10e1e;
          border: 2px solid #6d0912; border-radius: 4px; padding: 0.45rem 1rem; cursor: pointer; }
        .leave button:focus { outline: 3px solid #fd0; outline-offset: 0; }
        .page { max-width: 44rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6em; margin: 0.5em 0; }
        h2 { font-size: 1.25em; margin: 1.25em 0 0.5em; }
        .note { border-left: 4px solid #505a5f; padding: 0.25rem 0.75rem; background: #f8f8f8; }
        .question { margin: 1.25rem 0; }
        .question label, .question legend { font-weight: bold; display: block; margin-bottom: 0.25rem; }
        .hint { color: #333; margin: 0 0 0.4rem; }
        input[type="text"], input[type="tel"], input[type="date"], input[type="number"], textarea, select {
          font: inherit; width: 100%; max-width: 32rem; box-sizing: border-box; padding: 0.35rem;
          border: 2px solid #0b0c0c; border-radius: 0; }
        textarea { min-height: 6rem; }
        fieldset { border: 1px solid #b1b4b6; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
        fieldset.entry legend { font-weight: normal; }
        .choice { display: block; margin: 0.3rem 0; }
        .choice input { margin-right: 0.4rem; }
        .problem { color: #b10e1e; font-weight: bold; margin: 0.25rem 0; }
        [aria-invalid="true"] { border-color: #b10e1e; }
        .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.5rem 0; }
        .buttons button, .button { font: inherit; padding: 0.45rem 1rem; border: 2px solid #0b0c0c;
          background: #fff; color: #0b0c0c; cursor: pointer; text-decoration: none; border-radius: 4px; }
        .buttons button.primary { background: #00703c; color: #fff; border-color: #002d18; }
        a { color: #1d4f91; }
        a:focus, button:focus, input:focus, textarea:focus, select:focus { outline: 3px solid #fd0; }
        .review dt { font-weight: bold; margin-top: 0.6rem; }
        .review dd { margin: 0.1rem 0 0 1rem; }
        .empty { color: #505a5f; font-style: italic; }
        .copies { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0; list-style: none; }
        .copies [aria-current="page"] { font-weight: bold; color: #111; }
        .document { border: 1px solid #b1b4b6; padding: 1rem; margin: 1rem 0; }
        .document main { max-width: none; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        @media print {
          .bar, .chrome { display: none; }
          .document { border: 0; padding: 0; margin: 0; }
        }

        """
}
