"""Scanned and faxed images (PNG, JPEG, TIFF): their type by magic bytes, their size checked
before a pixel is decoded, and each page made ready for OCR (a fax's tall pixels made square).

Opened only in the limited child process of `intake.pdf`. No Django here.
"""

from __future__ import annotations

MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff"}
SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MAX_PAGES = 50
MAX_PIXELS = 50_000_000  # one page: a letter page at 600 dpi is 34 million
MIN_SIDE = 200  # pixels: smaller holds no page of text
OCR_DPI = 300  # a page scanned at less is enlarged to this for Tesseract
ASSUMED_DPI = 200  # a page that does not say its resolution


def kind_of(data: bytes) -> str | None:
    """ "png", "jpeg" or "tiff" by the file's first bytes, or None."""
    return next((kind for magic, kind in MAGIC.items() if data.startswith(magic)), None)


def _open(path: str):
    from PIL import Image

    # Every page's size is checked against MAX_PIXELS by `sized_up` before one is decoded,
    # with a message of ours rather than Pillow's warning about bombs.
    Image.MAX_IMAGE_PIXELS = None
    return Image.open(path)


def sized_up(path: str) -> dict:
    """The image's pages and their sizes, refusing absurd ones, or an error people can act on."""
    try:
        image = _open(path)
        count = getattr(image, "n_frames", 1)
        if count > MAX_PAGES:
            return {
                "error": f"the image has {count} pages, over {MAX_PAGES}; send the demand alone"
            }
        pages = []
        for n in range(count):
            image.seek(n)
            width, height = image.size
            if width * height > MAX_PIXELS:
                return {"error": _too_large(n, width, height)}
            if min(width, height) < MIN_SIDE:
                return {
                    "error": f"page {n + 1} is {width} × {height} pixels, too small to hold "
                    "a readable page; send a scan at 200 dpi or more"
                }
            pages.append({"w": width, "h": height, "text": None, "boxes": []})
    except Exception as error:  # a truncated or crafted file
        return {"error": f"the image is broken ({type(error).__name__}); send it scanned again"}
    return {"pages": pages}


def _too_large(n: int, width: int, height: int) -> str:
    return (
        f"page {n + 1} is {width} × {height} pixels ({width * height / 1e6:.0f} million), over "
        f"the {MAX_PIXELS / 1e6:.0f} million a page may have; send a scan at 300 dpi"
    )


def page_image(path: str, n: int):
    """Page `n` (from 0) in grey, its pixels square (a fax at 204 × 98 dpi stretched to 204 ×
    204) and enlarged to about OCR_DPI, and the resolution it is then at."""
    from PIL import Image

    image = _open(path)
    image.seek(n)
    x_dpi, y_dpi = (float(v) for v in image.info.get("dpi", (ASSUMED_DPI, ASSUMED_DPI)))
    if x_dpi <= 1 or y_dpi <= 1:  # some files say 1 × 1, meaning nothing
        x_dpi = y_dpi = ASSUMED_DPI
    page = image.convert("L")
    dpi = max(x_dpi, y_dpi)
    scale = max(1.0, OCR_DPI / dpi)
    width = round(page.width * scale * dpi / x_dpi)
    height = round(page.height * scale * dpi / y_dpi)
    if (width, height) != page.size:
        page = page.resize((width, height), Image.Resampling.BILINEAR)
    return page, round(dpi * scale)
