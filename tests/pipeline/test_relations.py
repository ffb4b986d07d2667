"""The relation step, tested as a corpus: Turkish trade-news sentences → the facts they state.

Every sentence here is written for these tests in the register of trade news. Each case
lists every fact the text states (its cell and the measures given), so a spurious fact
fails the test as surely as a missed one.
"""
import pytest

from service.engine import extract

KEY = ("flow", "province", "country", "sector", "product", "period")


def F(flow="export", province=None, country=None, sector=None, period=None, product=None, **measures):
    return {"flow": flow, "province": province, "country": country, "sector": sector,
            "product": product, "period": period, **measures}


CASES = [
    # A province's total, with the earlier year's figure stated before it.
    ("Manisa'nın 2023'te 4 milyar 512 milyon 300 bin dolar olan ihracatı, 2024'te yüzde 9 artışla "
     "4 milyar 923 milyon 407 bin dolara yükseldi.", "2025-01-10",
     [F(province="Manisa", period="2024", value=4923407000, change_pct=9.0),
      F(province="Manisa", period="2023", value=4512300000)]),
    # Relative year, share of the national total, a decrease.
    ("Sakarya, geçen yıl 3,2 milyar dolarlık dış satımla Türkiye'nin ihracatının yüzde 1,2'sini gerçekleştirdi.",
     "2025-02-03",
     [F(province="Sakarya", period="2024", value=3200000000, share_pct=1.2)]),
    ("Tekirdağ'ın ihracatı ocak ayında yüzde 12'lik bir düşüşle 210 milyon dolara geriledi.", "2025-02-05",
     [F(province="Tekirdağ", period="2025-01", value=210000000, change_pct=-12.0)]),
    # Lists: amount before the sector, and the leader named in the accusative.
    ("Sakarya'nın 2024 yılı ihracatında otomotiv sektörü 1 milyar 120 milyon dolarla ilk sırada yer aldı. "
     "Otomotivi 640 milyon dolarla makine, 310 milyon dolarla tekstil takip etti.", "2025-01-15",
     [F(province="Sakarya", sector="otomotiv", period="2024", value=1120000000, rank=1),
      F(province="Sakarya", sector="makine", period="2024", value=640000000),
      F(province="Sakarya", sector="tekstil", period="2024", value=310000000)]),
    # Partner countries: "… dolarla Almanya olurken, onu … dolarla Fransa … izledi".
    ("Haziran ayında en fazla ihracat yapılan ülke 812 milyon dolarla Almanya olurken, onu 455 milyon "
     "dolarla Fransa ve 301 milyon dolarla İtalya izledi.", "2024-07-04",
     [F(country="DE", period="2024-06", value=812000000, rank=1),
      F(country="FR", period="2024-06", value=455000000),
      F(country="IT", period="2024-06", value=301000000)]),
    # Dative partner before a -lık amount; a month range.
    ("Ocak-mart döneminde Mısır'a 1,1 milyar dolarlık, Fas'a 640 milyon dolarlık ihracat yapıldı.",
     "2025-04-06",
     [F(country="EG", period="2025-01/2025-03", value=1100000000),
      F(country="MA", period="2025-01/2025-03", value=640000000)]),
    # National monthly figure with its change.
    ("Türkiye'nin ihracatı mart ayında geçen yılın aynı ayına göre yüzde 4,2 artarak 23,6 milyar dolara ulaştı.",
     "2025-04-03",
     [F(period="2025-03", value=23600000000, change_pct=4.2)]),
    # From-to: the ablative amount is the year before.
    ("Yılın ilk yarısında Afrika ülkelerine ihracat 8,2 milyar dolardan 8,9 milyar dolara yükseldi.",
     "2025-07-10",
     [F(country="@Afrika", period="2025-01/2025-06", value=8900000000),
      F(country="@Afrika", period="2024-01/2024-06", value=8200000000)]),
    # Import, export, volume and a deficit in one bilateral story.
    ("Türkiye ile Japonya arasındaki ticaret hacmi 2024'te 5,1 milyar dolar oldu. Japonya'ya ihracat "
     "612 milyon dolar, Japonya'dan ithalat ise 4,49 milyar dolar olarak gerçekleşti. Bu tabloyla dış "
     "ticaret açığı 3,88 milyar dolar oldu.", "2025-03-01",
     [F(flow="volume", country="JP", period="2024", value=5100000000),
      F(country="JP", period="2024", value=612000000),
      F(flow="import", country="JP", period="2024", value=4490000000),
      F(flow="balance", country="JP", period="2024", value=-3880000000)]),
    # Partner statistics are mirrored.
    ("Kanada'nın Türkiye'ye ihracatı 2024'te 1,4 milyar dolar oldu.", "2025-05-01",
     [F(flow="import", country="CA", period="2024", value=1400000000)]),
    # Change only, sign from a shared verb at the end.
    ("Ekim ayında tarım ihracatı yüzde 6,5, madencilik ihracatı yüzde 11,2 azaldı.", "2024-11-03",
     [F(sector="tarim", period="2024-10", change_pct=-6.5),
      F(sector="madencilik", period="2024-10", change_pct=-11.2)]),
    # The sector anaphor "Sektör" and a share of the city's exports.
    ("Bursa'da otomotiv endüstrisi 2024 yılında kent ihracatının yüzde 48'ini tek başına karşıladı. Sektör, 2024 "
     "yılında yüzde 6 artışla 8 milyar 410 milyon dolarlık ihracat yaptı.", "2025-01-20",
     [F(province="Bursa", sector="otomotiv", period="2024", value=8410000000, change_pct=6.0, share_pct=48.0)]),
    # A table written as text, thousands of dollars.
    ("Kayseri'den 2024 yılında en fazla ihracat yapılan ülkeler şöyle:\n"
     "Ülke | 2023 (Bin dolar) | 2024 (Bin dolar) | Değişim (Yüzde) |\n"
     "Irak | 310.220 | 355.900 | 14,7 |\n"
     "Almanya | 190.500 | 181.010 | -5,0 |\n", "2025-02-01",
     [F(province="Kayseri", country="IQ", period="2024", value=355900000, change_pct=14.7),
      F(province="Kayseri", country="IQ", period="2023", value=310220000),
      F(province="Kayseri", country="DE", period="2024", value=181010000, change_pct=-5.0),
      F(province="Kayseri", country="DE", period="2023", value=190500000)]),
    # A list that names its leader in the accusative carries the leader's cell on.
    ("Eskişehir'den 2024 yılında en fazla ihracat yapılan ülke 410 milyon dolarla Almanya oldu. Bu ülkeyi "
     "220 milyon dolarla Fransa, 145 milyon dolarla Polonya takip etti.", "2025-01-12",
     [F(province="Eskişehir", country="DE", period="2024", value=410000000, rank=1),
      F(province="Eskişehir", country="FR", period="2024", value=220000000),
      F(province="Eskişehir", country="PL", period="2024", value=145000000)]),
    # "Bu ülkeye": the country named in the sentence before; from-to with the earlier year's date.
    ("Konya'dan en fazla ihracat yapılan ülke Irak oldu. Bu ülkeye yapılan satışlar, 2023'teki 610 milyon "
     "dolardan 2024'te 702 milyon dolara yükseldi.", "2025-01-20",
     [F(province="Konya", country="IQ", period="2024", value=702000000),
      F(province="Konya", country="IQ", period="2023", value=610000000)]),
    # A headline restating a figure is the same fact; the amount of an increase is change_abs.
    ("MERSİN'İN İHRACATI 3,1 MİLYAR DOLAR\nMersin'in ihracatı 2024 yılında 3,1 milyar dolar oldu. Kentin "
     "ihracatı bir önceki yıla göre 240 milyon dolarlık bir artış kaydetti.", "2025-02-10",
     [F(province="Mersin", period="2024", value=3100000000, change_abs=240000000)]),
    # A share followed by the place it belongs to; the whole is the national figure.
    ("Türkiye'den 2024 yılında 2 milyar 100 milyon dolarlık fındık ihracatı yapıldı ve bu ihracatın yüzde 35'lik "
     "kısmı Ordu'dan gerçekleştirildi.", "2025-02-01",
     [F(sector="findik", period="2024", value=2100000000),
      F(province="Ordu", sector="findik", period="2024", share_pct=35.0)]),
    # A month named apart from its year; the amount of a rise in a growth ranking is change_abs.
    ("Bugüne kadarki en yüksek mart ayı ihracatı 2022 yılında 20,1 milyar dolardı.", "2024-04-02",
     [F(period="2022-03", value=20100000000)]),
    ("Yılın ilk çeyreğinde ihracatın en fazla arttığı ülke 410 milyon dolarla Polonya oldu.", "2025-04-04",
     [F(country="PL", period="2025-01/2025-03", change_abs=410000000)]),
    # A second list of the same sector's markets stays in that sector.
    ("Mobilya sektöründe geçen ay en fazla ihracat yapılan ülkeler 120 milyon dolarla Irak, 95 milyon dolarla "
     "Almanya oldu. Yılın ilk iki ayında Irak'a 230 milyon dolar, Almanya'ya 180 milyon dolar ihracat yapıldı.",
     "2025-03-05",
     [F(country="IQ", sector="mobilya", period="2025-02", value=120000000),
      F(country="DE", sector="mobilya", period="2025-02", value=95000000),
      F(country="IQ", sector="mobilya", period="2025-01/2025-02", value=230000000),
      F(country="DE", sector="mobilya", period="2025-01/2025-02", value=180000000)]),
    # A part named as included in the total is no partner of its own.
    ("Kayseri'nin ihracatı 2024 yılında Serbest Bölge ihracatı ile birlikte 4,1 milyar dolara ulaştı.", "2025-02-01",
     [F(province="Kayseri", period="2024", value=4100000000)]),
    # The archive marker gives the publication date.
    (" date 2025-03-04 Hatay, geçen ay 180 milyon dolarlık ihracat gerçekleştirdi.", None,
     [F(province="Hatay", period="2025-02", value=180000000)]),
]

NO_FACTS = [
    "Kentin ihracatı 2 milyar doları aştı.",
    "Gaziantep'in 2026 yılında 12 milyar dolar ihracata ulaşması hedefleniyor.",
    "Sektörün ihracatı 1 milyar doların üzerinde seyretti.",
    "Ekim ayında kilogram başına ihracat birim değeri 1,8 dolar oldu.",
    "Türkiye 170 ülkeye ihracat yaptı ve 1.200 firma ilk kez ihracatçı oldu.",
    "Merkez Bankası politika faizini yüzde 50'de sabit tuttu.",
    "Şirketin net kârı geçen yıl 2,4 milyar lira oldu.",
    "Denizli'nin demir-çelik ihracatı 2024'te 900 milyon dolar oldu.",
    "Şirket Mısır'da 300 milyon dolarlık yeni bir yatırım yapacak.",
    "Borsa İstanbul'da BIST 100 endeksi günü yüzde 1,2 yükselişle tamamladı.",
    "Euro Bölgesi'nin ihracatı haziranda yüzde 2 artarak 240 milyar euroya ulaştı.",
    "Yeni teşviklerle ihracatımız gelecek yıl 300 milyar dolara ulaşacak.",
    "Şirket yurt dışında 500 milyon dolarlık eurobond ihraç etti.",
]


def _key(f):
    return tuple(f.get(k) for k in KEY)


def _close(a, b):
    return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(b), 1e-9)


@pytest.mark.parametrize("text,date,expected", CASES, ids=[c[0][:48] for c in CASES])
def test_relations_sentence_states_facts(nlp, text, date, expected):
    facts = [f.model_dump() for f in extract(text, date=date, nlp=nlp).facts]
    scored = [f for f in facts if any(f[k] is not None for k in ("value", "change_pct", "share_pct", "change_abs"))]
    got = {_key(f): f for f in scored}
    assert set(got) == {_key(e) for e in expected}, facts
    for e in expected:
        f = got[_key(e)]
        for measure, want in e.items():
            if measure in KEY:
                continue
            if measure == "rank":
                assert f["rank"] == want, (measure, f)
            else:
                assert _close(f[measure], want), (measure, f)


@pytest.mark.parametrize("text", NO_FACTS)
def test_relations_not_a_fact(nlp, text):
    assert extract(text, date="2025-01-10", nlp=nlp).facts == []


def test_relations_evidence_points_into_text(nlp):
    text = "Konya'nın ihracatı 2024'te yüzde 8 artışla 3 milyar 95 milyon dolara ulaştı."
    res = extract(text, date="2025-01-08", nlp=nlp)
    assert res.facts
    for fact in res.facts:
        for ev in fact.evidence:
            assert "3 milyar 95 milyon" in text[ev.start:ev.end]


def test_relations_run_of_figures_in_one_sentence_is_no_reading_matter(nlp):
    # Work per sentence is bounded by design: past `max_measures_per_sentence` figures a
    # sentence is not linked at all (prose never states so many), so its cost stays linear.
    cap = nlp.get_pipe("relations").max_measures_per_sentence
    run = ", ".join(f"yüzde {k},5 artış" for k in range(cap + 1))
    text = f"Konya'nın ihracatı ocakta {run} gösterdi."
    assert extract(text, date="2025-03-01", nlp=nlp).facts == []
    few = ", ".join(f"yüzde {k},5" for k in range(1, 3))
    assert extract(f"Konya'nın ihracatı ocakta 40 milyon dolar oldu, {few} arttı.", date="2025-03-01", nlp=nlp).facts
