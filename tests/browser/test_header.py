"""The header never wraps: at every width from a phone to a wide desktop, the brand's name and
the province's each keep one line (cut short with "…" where room ends, the link's title giving
both in full), and the page never scrolls sideways (issue 10, part 4)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 375, 1024, 1280, 1366, 1600, 1920)
MEASURE = """() => {
  const brand = document.querySelector('.app-brand');
  const lines = [...document.querySelectorAll('.app-brand-name, .app-brand-province')].map((el) => {
    const rects = el.getClientRects();
    return {text: el.textContent, rects: rects.length, height: rects.length ? rects[0].height : 0,
            lineHeight: parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.3};
  });
  const toggler = document.querySelector('.navbar-toggler');
  const togglerShown = toggler && toggler.getClientRects().length && getComputedStyle(toggler).display !== 'none';
  const top = (el) => el.getBoundingClientRect().top;
  const sameRow = !togglerShown || Math.abs(top(toggler) - top(brand)) < 24;
  return {title: brand.title, lines, sameRow, sideways: document.documentElement.scrollWidth > window.innerWidth};
}"""


@pytest.mark.parametrize("lang", ["vi-VN", "en-US"])
def test_the_brand_and_the_province_name_never_wrap(login, demo_data, lang):
    for width in WIDTHS:
        page = login("officer", width=width, lang=lang)
        seen = page.evaluate(MEASURE)
        assert not seen["sideways"], width
        assert seen["sameRow"], f"{width}: the menu button fell below the brand"
        names = [line["text"] for line in seen["lines"]]
        assert names[1] == ("Nghệ An" if lang == "vi-VN" else "Nghe An"), names
        assert all(name in seen["title"] for name in names), (width, seen["title"])
        for line in seen["lines"]:
            # Hidden (the mark alone, 1200–1299 px) or exactly one line high.
            assert line["rects"] == 0 or line["height"] <= line["lineHeight"] * 1.5 or line["height"] <= 2, (
                width, line)
        page.context.close()
