#!/usr/bin/env python3
"""Writes (or checks) the corpus the Swift readability scores are measured against.

textstat 0.7.3 is the oracle of the Swift implementation of Flesch-Kincaid and
Fernandez-Huerta in Sources/SafetyPlanner/Lint (Readability, SyllableCounter); it is no
longer a check of its own (`safetyplan lint` and YouthDocumentReadabilityTests are). The
corpus, Tests/SafetyPlannerTests/Fixtures/readability/corpus.tsv, holds one text a line:

    language  kind  words  sentences  syllables  score  text

with textstat's counts and its unrounded score (set_rounding(False)): the Flesch-Kincaid
grade for English (en_US), the Fernandez-Huerta score for Spanish (es). Kinds:
- block: every text of three words or more in the bundled Templates/ files (a sentence
  or two each), English and Spanish;
- sentence: sentences written for this corpus, everyday and harder;
- document: the prose of each youth-facing document as the tool renders it (youth
  handout, youth copy of the plan plain and discreet, at every stage, and the
  maintenance support form), in both languages, as the old readability check scored it.

ReadabilityOracleTests reads the file and compares. textstat is pinned: newer versions
download data at run time.

Usage: Tests/readability-oracle.py PATH-TO-safetyplan [--check]
  --check: exit 1 if the committed corpus differs from what textstat gives now.
"""
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import textstat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests/SafetyPlannerTests/Fixtures/readability/corpus.tsv")
STAGES = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]
BLOCKS = {"p", "item", "youth", "moved-back", "cycle", "about", "sign", "response", "aim", "offers", "serves",
          "note", "text", "label", "hint", "heading", "check"}

SENTENCES = {
    "en": [
        "You can call me any time, and I will listen.",
        "It is okay to take a break when things feel like too much.",
        "We can look at places to stay together, whenever you want.",
        "Keep a phone number you trust where only you can find it.",
        "Some days are harder than others, and that is normal.",
        "If you feel unsafe right now, you can call 911.",
        "Your friend can come with you to the first meeting.",
        "Think about who makes you laugh and who makes you feel calm.",
        "We will go at your pace, one small step at a time.",
        "You decide what goes on this page and who sees it.",
        "A counselor is someone you can talk to about anything, and it stays private.",
        "Pack a small bag with your charger, your medicine and some money.",
        "If plans change, that is okay; we can make a new plan together.",
        "The people who care about you want to hear from you.",
        "Write down three things that help you feel better when you are upset.",
        "Trauma-informed practice centres the youth's safety, choice and collaboration in every decision.",
        "Mandated reporters must understand the statutory obligations that apply to suspected exploitation.",
        "Survivor-centered organizations emphasize empowerment, resilience and long-term relationships.",
        "Ambivalence about leaving is common, and helpers should respond with patience rather than confrontation.",
        "The advocate coordinates shelter placement, counseling referrals and ongoing safety planning.",
        "Eligibility requirements vary by county, so confirm availability before making a referral.",
        "Comprehensive assessments identify immediate safety concerns and longer-term therapeutic needs.",
        "I am glad you told me. Nothing you said changes how I see you.",
        "Sleep, food and a quiet place can make a big difference.",
        "When you are ready, we can talk about school or work.",
        "Trust takes time. You do not have to tell me everything.",
        "Every person on this list has said they want to help you.",
        "Change is hard, and going back and forth is part of it.",
        "Maybe today is not the day, and that is fine too.",
        "Remember your own strengths: you have already gotten through a lot.",
    ],
    "es": [
        "Puedes llamarme cuando quieras y te voy a escuchar.",
        "Está bien tomar un descanso cuando todo se siente pesado.",
        "Podemos buscar juntos un lugar para quedarte, cuando tú quieras.",
        "Guarda un número de confianza donde solo tú lo encuentres.",
        "Algunos días son más difíciles que otros, y eso es normal.",
        "Si no te sientes segura ahora, puedes llamar al 911.",
        "Tu amiga puede venir contigo a la primera cita.",
        "Piensa en quién te hace reír y quién te da calma.",
        "Vamos a tu ritmo, un paso pequeño a la vez.",
        "Tú decides qué va en esta hoja y quién la ve.",
        "Un consejero es alguien con quien puedes hablar de todo, y es privado.",
        "Prepara una bolsa con tu cargador, tus medicinas y algo de dinero.",
        "Si el plan cambia, está bien; podemos hacer uno nuevo juntos.",
        "Las personas que te quieren quieren saber de ti.",
        "Escribe tres cosas que te ayudan cuando estás molesta.",
        "La práctica informada sobre el trauma prioriza la seguridad, la elección y la colaboración.",
        "Las personas obligadas a reportar deben conocer las obligaciones legales correspondientes.",
        "Las organizaciones centradas en sobrevivientes fomentan el empoderamiento y las relaciones duraderas.",
        "La ambivalencia es frecuente, y quien acompaña debe responder con paciencia y sin confrontación.",
        "La persona que acompaña coordina el alojamiento, la consejería y la planificación de seguridad.",
        "Los requisitos de elegibilidad varían según el condado, así que confirma la disponibilidad.",
        "Me alegra que me lo contaras. Nada de lo que dijiste cambia cómo te veo.",
        "Dormir, comer y un lugar tranquilo ayudan mucho.",
        "Cuando estés lista, podemos hablar de la escuela o del trabajo.",
        "La confianza toma tiempo. No tienes que contarme todo.",
        "Cada persona de esta lista quiere ayudarte.",
        "Cambiar es difícil, y volver atrás también es parte del camino.",
        "Quizás hoy no es el día, y eso también está bien.",
        "Recuerda tus fuerzas: ya has pasado por mucho.",
        "Hoy fue un buen día, aunque también hubo momentos de miedo.",
    ],
}


def prose(text: str) -> str:
    """The prose of a rendered text document: no heading underlines, list marks, web
    addresses or digits; a line without a final stop is a sentence of its own."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line or set(line) <= set("=-_"):
            continue
        line = re.sub(r"^[-|]\s*", "", line)
        line = re.sub(r"\b[\w.-]+\.(org|com|gov)\b", "", line)
        line = re.sub(r"\d[\d-]*\d|\d", "", line)
        line = re.sub(r"\s+([,.:])", r"\1", line).replace(":,", ":").lstrip(". ")
        if not re.search(r"[.!?]$", line):
            line += "."
        lines.append(line)
    return " ".join(lines)


def blocks():
    seen = {"en": [], "es": []}
    for path in sorted(glob.glob(os.path.join(ROOT, "Templates/**/*.xml"), recursive=True)):
        if path.endswith("discretion.xml"):
            continue
        language = "es" if "/es/" in path else "en"
        for element in ET.parse(path).getroot().iter():
            if element.tag.split("}")[1] not in BLOCKS:
                continue
            text = re.sub(r"\s+", " ", "".join(element.itertext())).strip()
            if len(text.split()) >= 3 and text not in seen[language]:
                seen[language].append(text)
    return seen


def documents(tool):
    def render(arguments):
        return subprocess.run([tool, *arguments, "--width", "400", "--page-length", "0"],
                              check=True, capture_output=True, text=True).stdout
    result = []
    for language in ["en", "es"]:
        arguments = []
        for stage in STAGES:
            arguments += [["handout", "youth", "--stage", stage], ["generate", "--stage", stage],
                          ["generate", "--stage", stage, "--discreet"]]
        arguments.append(["fill", "maintenance-support"])
        for item in arguments:
            result.append((language, prose(render([*item, "--language", language]))))
    return result


def row(language, kind, text):
    textstat.set_lang("en_US" if language == "en" else "es")
    score = textstat.flesch_kincaid_grade(text) if language == "en" else textstat.fernandez_huerta(text)
    return "\t".join([language, kind, str(textstat.lexicon_count(text)), str(textstat.sentence_count(text)),
                      str(textstat.syllable_count(text)), repr(score), text])


def main() -> int:
    arguments = [a for a in sys.argv[1:] if a != "--check"]
    if len(arguments) != 1:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 64
    textstat.set_rounding(False)
    rows = []
    for language, texts in blocks().items():
        rows += [row(language, "block", text) for text in texts]
    for language, texts in SENTENCES.items():
        rows += [row(language, "sentence", text) for text in texts]
    rows += [row(language, "document", text) for language, text in documents(arguments[0])]
    corpus = "\n".join(rows) + "\n"
    if "--check" in sys.argv:
        with open(CORPUS, encoding="utf-8") as file:
            if file.read() != corpus:
                print(f"{CORPUS} is not what textstat gives now: run Tests/readability-oracle.py "
                      "without --check and review the diff", file=sys.stderr)
                return 1
        print(f"readability corpus: {len(rows)} texts, as textstat 0.7.3 scores them")
        return 0
    with open(CORPUS, "w", encoding="utf-8") as file:
        file.write(corpus)
    print(f"wrote {len(rows)} texts to {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
