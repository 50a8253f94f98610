"""Place text on pages and record every word's box as the PDF's text layer has it.

Words are laid out in points with the origin at the top left; the PDF is drawn from
the same placements, so each word box is the exact extent of that word in the text
layer (font metrics from reportlab), normalised to the page as DocILE stores boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase.pdfmetrics import getAscent, getDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_SIZES = {"letter": LETTER, "a4": A4}
FONT, BOLD = "Helvetica", "Helvetica-Bold"


@dataclass
class Word:
    text: str
    page: int
    box: tuple[float, float, float, float]  # left, top, right, bottom in points, origin top-left
    line: int  # id of the text run the word belongs to (an OCR line)


@dataclass
class Run:
    page: int
    x: float
    y: float  # top of the text, points from the top of the page
    text: str
    size: float
    font: str


@dataclass
class Document:
    page_size: str
    runs: list[Run] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    page_count: int = 1

    @property
    def width(self) -> float:
        return float(PAGE_SIZES[self.page_size][0])

    @property
    def height(self) -> float:
        return float(PAGE_SIZES[self.page_size][1])

    def text(self, page: int, x: float, y: float, text: str, size: float, bold: bool = False,
             align: str = "left") -> list[Word]:
        """Draw ``text`` with its top at ``y``; returns its words (for annotations)."""
        font = BOLD if bold else FONT
        if align == "right":
            x -= stringWidth(text, font, size)
        self.page_count = max(self.page_count, page + 1)
        run = len(self.runs)
        self.runs.append(Run(page, x, y, text, size, font))
        height = getAscent(font, size) - getDescent(font, size)
        words, offset = [], 0
        for token in text.split(" "):
            if token:
                start = x + stringWidth(text[:offset], font, size) if offset else x
                words.append(Word(token, page, (start, y, start + stringWidth(token, font, size),
                                                y + height), run))
            offset += len(token) + 1
        self.words.extend(words)
        return words

    def normalised(self, box: tuple[float, float, float, float]) -> list[float]:
        left, top, right, bottom = box
        return [round(left / self.width, 6), round(top / self.height, 6),
                round(right / self.width, 6), round(bottom / self.height, 6)]

    def write_pdf(self, path: str) -> None:
        canvas = Canvas(path, pagesize=PAGE_SIZES[self.page_size], invariant=1)
        for page in range(self.page_count):
            for run in (r for r in self.runs if r.page == page):
                baseline = run.y + getAscent(run.font, run.size)
                canvas.setFont(run.font, run.size)
                canvas.drawString(run.x, self.height - baseline, run.text)
            canvas.showPage()
        canvas.save()
