"""Global search over every record type, accent-insensitive."""

import pytest

from foreign_affairs.core.tests.factories import AgreementFactory, PartnerFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_search_without_diacritics_finds_nghe_an(login, officer, records):
    unit = UnitFactory(name_vi="UBND tỉnh Nghệ An", name_en="Nghe An People's Committee")
    agreement = AgreementFactory(title_vi="Thỏa thuận hợp tác giữa tỉnh Nghệ An và tỉnh Hủa Phăn")
    response = login(officer).get("/search/", {"q": "nghe an"})
    assert response.status_code == 200
    groups = {g["rt"].slug: g for g in response.context["groups"]}
    assert unit in groups["units"]["rows"]
    assert agreement in groups["agreements"]["rows"]
    html = response.content.decode()
    assert f'href="/units/{unit.pk}/"' in html
    assert 'href="/units/?search=nghe+an"' in html


def test_search_finds_partners_by_alias(login, officer, records):
    response = login(officer).get("/search/", {"q": "HUA PHAN"})
    groups = {g["rt"].slug: g for g in response.context["groups"]}
    assert records["partners"] in groups["partners"]["rows"]


def test_search_groups_are_capped_at_ten_with_a_link_to_all(login, officer):
    for n in range(13):
        PartnerFactory(name_en=f"Vientiane partner {n}")
    response = login(officer).get("/search/", {"q": "vientiane"})
    group = next(g for g in response.context["groups"] if g["rt"].slug == "partners")
    assert len(group["rows"]) == 10 and group["total"] == 13
    assert group["see_all"] == "/partners/?search=vientiane"


def test_list_search_folds_diacritics(login, officer):
    PartnerFactory(name_vi="Tỉnh Nghệ An (đối tác thử)", name_en="Test")
    response = login(officer).get("/partners/", {"search": "nghe an"})
    assert [p.name_vi for p in response.context["rows"]] == ["Tỉnh Nghệ An (đối tác thử)"]


def test_empty_search_shows_the_form_only(login, officer):
    response = login(officer).get("/search/")
    assert response.status_code == 200 and response.context["groups"] == []
