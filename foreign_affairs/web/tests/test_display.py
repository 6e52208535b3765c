"""Values in the reader's language: dates dd/mm/yyyy (vi) or "5 Nov 2023" (en), money with the
locale's separators, choices by their label."""

import datetime

import pytest
from django.utils import translation

from foreign_affairs.web.display import local_date, money

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "expected"), [("vi", "1.234.567 ₫"), ("en", "VND 1,234,567")])
def test_money(lang, expected):
    with translation.override(lang):
        assert money(1234567) == expected
        assert money(None) == ""


@pytest.mark.parametrize(("lang", "expected"), [("vi", "05/11/2023"), ("en", "5 Nov 2023")])
def test_dates(lang, expected):
    with translation.override(lang):
        assert local_date(datetime.date(2023, 11, 5)) == expected


def test_detail_page_in_vietnamese(login, officer, records):
    delegation = records["delegations"]
    html = login(officer, lang="vi").get(f"/delegations/{delegation.pk}/").content.decode()
    assert '<html lang="vi">' in html
    assert "05/11/2023" in html and "1.234.567 ₫" in html


def test_detail_page_in_english(login, officer, records):
    delegation = records["delegations"]
    html = login(officer).get(f"/delegations/{delegation.pk}/").content.decode()
    assert "5 Nov 2023" in html and "VND 1,234,567" in html
    assert "Outgoing (đoàn ra)" in html and "State diplomacy" in html  # choices by label
    assert 'href="/countries/LA/">Laos</a>' in html
    assert f'href="/partners/{records["partners"].pk}/">Houaphanh Province</a>' in html


def test_date_inputs_accept_iso_in_both_languages(login, officer):
    for lang in ("vi", "en"):
        response = login(officer, lang=lang).post(
            "/events/add/",
            {
                "kind": "cultural",
                "pillar": "people",
                "title": f"Lễ hội {lang}",
                "start_on": "2026-01-20",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
