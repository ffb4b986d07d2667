"""Turkish period expressions as a corpus: sentence, publication date → period.

One table drives the finder and the resolver together (`periods_in`); the helpers for
anaphoric kinds and period strings have their own tables.
"""
from datetime import date

import pytest
from hypothesis import given, strategies as st

from service.lang.periods import (PeriodError, format_period, parse_period, period_bounds,
                                  periods_in, resolve_relative)

D = date.fromisoformat

# (sentence, publication date, the expression as found, period, code or anaphoric kind)
CORPUS = [
    # from one day to another: the months they run through
    ("Birlik, 1 Ağustos 2023-31 Mayıs 2024 tarihleri arasında 900 milyon dolarlık kayısı ihraç edildiğini bildirdi.",
     "2024-06-10", "1 Ağustos 2023-31 Mayıs 2024", "2023-08/2024-05", "explicit"),
    ("Kuruyemiş satışları 1 Mart 2025-30 Eylül 2025 döneminde 40 milyon dolara çıktı.",
     "2025-10-20", "1 Mart 2025-30 Eylül 2025 döneminde", "2025-03/2025-09", "explicit"),
    # years
    ("Şirketin 2024'te yaptığı ihracat 3 milyar dolar oldu.", "2025-02-01", "2024'te", "2024", "explicit"),
    ("Kentin ihracatı 2025 yılında 12 milyar dolara ulaştı.", "2026-01-05", "2025 yılında", "2025", "explicit"),
    ("2025 yılı ihracat rakamları açıklandı.", "2026-01-05", "2025 yılı", "2025", "explicit"),
    ("İlin 2023’ün tamamındaki ihracatı 4 milyar dolardı.", "2024-03-01", "2023’ün tamamındaki", "2023", "explicit"),
    ("2022 yılındaki düşüşün ardından toparlandı.", "2024-03-01", "2022 yılındaki", "2022", "explicit"),
    ("2019 yılının en yüksek ihracatı yapıldı.", "2020-01-10", "2019 yılının", "2019", "explicit"),
    ("İHRACAT 2021 YILINDA REKOR KIRDI", "2022-01-04", "2021 YILINDA", "2021", "explicit"),
    ("Tabloda (2023) sütunu bin dolardır.", "2024-02-01", "2023", "2023", "explicit"),
    ("Sektör 2026’ya hızlı başladı.", "2026-02-03", "2026’ya", "2026", "explicit"),
    ("01.10.2024 tarihli bültende açıklandı.", "2024-10-02", "01.10.2024", "2024-10", "day"),
    # months
    ("Ekim ayında otomotiv ihracatı 3,4 milyar dolar oldu.", "2024-11-04", "Ekim ayında", "2024-10", "inferred"),
    ("ekim ayında ihracat yüzde 3 arttı.", "2024-10-15", "ekim ayında", "2024-10", "inferred"),
    ("Kimya sektörü Ekim'de 2,1 milyar dolar ihracat yaptı.", "2023-11-03", "Ekim'de", "2023-10", "inferred"),
    ("Haziran’da en çok ihracat Almanya'ya yapıldı.", "2023-07-04", "Haziran’da", "2023-06", "inferred"),
    ("İlin temmuz ayı ihracatı geriledi.", "2022-08-02", "temmuz ayı", "2022-07", "inferred"),
    ("Ocak ayı verileri, şubatın ilk günlerinde açıklandı.", "2025-02-03", "Ocak ayı", "2025-01", "inferred"),
    ("Aralık ayında ihracat 22 milyar doları buldu.", "2025-01-03", "Aralık ayında", "2024-12", "inferred"),
    ("Türkiye'nin ihracatı şubatta yüzde 6 geriledi.", "2023-03-05", "şubatta", "2023-02", "inferred"),
    ("ocak 2025 itibarıyla ihracat arttı.", "2025-03-01", "ocak 2025", "2025-01", "explicit"),
    # the end of a month "as of": the year to date
    ("Eylül sonu itibarıyla halı ihracatı 2 milyar dolara ulaştı.", "2025-10-04", "Eylül sonu itibarıyla", "2025-01/2025-09", "inferred"),
    ("ağustos sonu itibarıyla kentin ihracatı 3 milyar dolar oldu.", "2025-09-04", "ağustos sonu itibarıyla", "2025-01/2025-08", "inferred"),
    # a quarter or a half "as of": the year to its end, never past the publication
    ("Bu yılın üçüncü çeyreği itibarıyla ihracat 190 milyar dolar oldu.", "2025-10-06", "Bu yılın üçüncü çeyreği itibarıyla", "2025-01/2025-09", "relative"),
    ("Bu yılın son çeyreği itibarıyla ihracat 220 milyar dolar oldu.", "2025-11-06", "Bu yılın son çeyreği itibarıyla", "2025-01/2025-10", "relative"),
    ("Yılın son çeyreği itibarıyla ihracat 220 milyar dolar oldu.", "2025-11-06", "Yılın son çeyreği itibarıyla", "2025-01/2025-10", "inferred"),
    # a lower-case month before the trade noun it qualifies
    ("Kentin mart ihracatında otomotiv öne çıktı.", "2025-04-03", "mart", "2025-03", "inferred"),
    ("Sektörün eylül ithalatı geriledi.", "2025-10-03", "eylül", "2025-09", "inferred"),
    # the whole year
    ("Yılın tamamında ihracat 262 milyar dolar oldu.", "2025-01-05", "Yılın tamamında", "2024", "inferred"),
    ("2024 yılı haziran ayı sonu itibarıyla kentin ihracatı arttı.", "2025-01-04", "2024 yılı haziran ayı sonu itibarıyla", "2024-01/2024-06", "explicit"),
    ("2025 ocak ayında kent 1 milyar dolar ihracat yaptı.", "2025-02-02", "2025 ocak ayında", "2025-01", "explicit"),
    ("Mart 2024'te ihracat 23 milyar dolar oldu.", "2025-06-01", "Mart 2024'te", "2024-03", "explicit"),
    ("2023 yılı Kasım ayında sektör geriledi.", "2024-05-01", "2023 yılı Kasım ayında", "2023-11", "explicit"),
    ("6 Şubat 2023 depremlerinden sonra ihracat düştü.", "2024-02-01", "6 Şubat 2023", "2023-02", "day"),
    ("Sezon 1 Eylül'de başladı.", "2024-10-10", "1 Eylül'de", "2024-09", "day"),
    ("Şubat 2025’e kıyasla ihracat azaldı.", "2026-03-06", "Şubat 2025’e", "2025-02", "explicit"),
    ("MARTTA EN ÇOK ALTIN İHRAÇ EDİLDİ", "2021-04-05", "MARTTA", "2021-03", "inferred"),
    # month ranges
    ("Ülkenin ocak-eylül döneminde ihracatı arttı.", "2024-10-04", "ocak-eylül döneminde", "2024-01/2024-09", "inferred"),
    ("Dış ticaret açığı Ocak - Haziran arasında büyüdü.", "2022-07-29", "Ocak - Haziran arasında", "2022-01/2022-06", "inferred"),
    ("ocak-ekim döneminde 8 milyar dolar ihracat yapıldı.", "2025-11-25", "ocak-ekim döneminde", "2025-01/2025-10", "inferred"),
    ("Ocak-Eylül 2025 döneminde sektör büyüdü.", "2025-12-01", "Ocak-Eylül 2025 döneminde", "2025-01/2025-09", "explicit"),
    ("2025 yılının ocak-eylül döneminde ihracat 200 milyar doları geçti.", "2025-10-02", "2025 yılının ocak-eylül döneminde", "2025-01/2025-09", "explicit"),
    ("Ocak-Şubat 2023’te ihracat 38 milyar dolar oldu.", "2023-03-05", "Ocak-Şubat 2023’te", "2023-01/2023-02", "explicit"),
    ("Ocak-aralık döneminde 2020 ihracatı 170 milyar dolar oldu.", "2021-01-04", "Ocak-aralık döneminde", "2020", "inferred"),
    ("2020 yılı ocak-aralık döneminde ihracat düştü.", "2021-03-01", "2020 yılı ocak-aralık döneminde", "2020", "explicit"),
    ("Ocak ile Mayıs arasında ihracat arttı.", "2024-06-10", "Ocak ile Mayıs arasında", "2024-01/2024-05", "inferred"),
    ("Ocak ve Şubat aylarında ihracat yükseldi.", "2023-03-05", "Ocak ve Şubat aylarında", "2023-01/2023-02", "inferred"),
    ("OCAK-EYLÜL DÖNEMİNDE İHRACAT ARTTI", "2019-10-05", "OCAK-EYLÜL DÖNEMİNDE", "2019-01/2019-09", "inferred"),
    ("ocak-ağustos'ta kent ihracatı yükseldi.", "2025-09-06", "ocak-ağustos'ta", "2025-01/2025-08", "inferred"),
    # counted months, quarters, halves
    ("Türkiye ilk 10 ayda 215 milyar dolar ihracat yaptı.", "2025-11-04", "ilk 10 ayda", "2025-01/2025-10", "inferred"),
    ("Yılın ilk 10 ayında ihracat yüzde 3 arttı.", "2025-11-04", "Yılın ilk 10 ayında", "2025-01/2025-10", "inferred"),
    ("Kent 9 aylık dönemde 5 milyar dolar ihracat yaptı.", "2024-10-04", "9 aylık dönemde", "2024-01/2024-09", "inferred"),
    ("Yılın 7 aylık döneminde ihracat yüzde 7 arttı.", "2018-08-02", "Yılın 7 aylık döneminde", "2018-01/2018-07", "inferred"),
    ("İhracat 9 ayda 190 milyar dolara ulaştı.", "2024-10-04", "9 ayda", "2024-01/2024-09", "inferred"),
    ("Sektör ilk çeyrekte 1 milyar dolar ihracat yaptı.", "2024-04-05", "ilk çeyrekte", "2024-01/2024-03", "inferred"),
    ("Yılın ilk çeyreğinde Irak ilk sırada yer aldı.", "2024-04-05", "Yılın ilk çeyreğinde", "2024-01/2024-03", "inferred"),
    ("İkinci çeyrek verileri açıklandı.", "2024-08-01", "İkinci çeyrek", "2024-04/2024-06", "inferred"),
    ("İhracat 3.çeyrekte hızlandı.", "2023-11-01", "3.çeyrekte", "2023-07/2023-09", "inferred"),
    ("Sektör 2. çeyrekte daraldı.", "2023-11-01", "2. çeyrekte", "2023-04/2023-06", "inferred"),
    ("Yılın son çeyreğinde ihracat arttı.", "2024-02-01", "Yılın son çeyreğinde", "2023-10/2023-12", "inferred"),
    ("2025 yılının ilk çeyreğinde Çin'e ihracat azaldı.", "2025-09-01", "2025 yılının ilk çeyreğinde", "2025-01/2025-03", "explicit"),
    ("İlk yarı sonuçları umut verdi.", "2025-07-25", "İlk yarı", "2025-01/2025-06", "inferred"),
    ("İhracat yılın ilk yarısında 10 milyar dolara ulaştı.", "2025-07-25", "yılın ilk yarısında", "2025-01/2025-06", "inferred"),
    ("Yılın ikinci yarısında talep zayıfladı.", "2025-02-01", "Yılın ikinci yarısında", "2024-07/2024-12", "inferred"),
    ("Kent ilk altı ayda 800 milyon dolar ihracat yaptı.", "2025-07-10", "ilk altı ayda", "2025-01/2025-06", "inferred"),
    ("2024’ün ilk altı aylık döneminde ihracat arttı.", "2025-07-25", "2024’ün ilk altı aylık döneminde", "2024-01/2024-06", "explicit"),
    ("Sektör ilk on bir aylık dönemde rekor kırdı.", "2020-12-05", "ilk on bir aylık dönemde", "2020-01/2020-11", "inferred"),
    ("Sektör yılın ilk iki çeyreğinde büyüdü.", "2024-08-01", "yılın ilk iki çeyreğinde", "2024-01/2024-06", "inferred"),
    ("2018’in söz konusu 9 ayına göre ihracat arttı.", "2019-10-05", "2018’in söz konusu 9 ayına", "2018-01/2018-09", "explicit"),
    # multi-year, seasons, trailing to a stated end
    ("Türkiye'nin 2020-2024 döneminde bu ülkelere ihracatı arttı.", "2025-10-03", "2020-2024 döneminde", "2020-01/2024-12", "explicit"),
    ("2019 ile 2023 yılları arasında ihracat ikiye katlandı.", "2024-05-01", "2019 ile 2023 yılları arasında", "2019-01/2023-12", "explicit"),
    ("Fındık ihracatı 2024/25 sezonunda 2,5 milyar dolar oldu.", "2025-09-10", "2024/25 sezonunda", "2024-09/2025-08", "explicit"),
    ("Sofralık zeytin ihracatı 2024/25 sezonunu rekorla kapattı.", "2025-11-20", "2024/25 sezonunu", "2024-10/2025-09", "explicit"),
    ("Fındıkta 2023-2024 ihraç sezonunun 12 aylık döneminde ihracat arttı.", "2024-09-06", "2023-2024 ihraç sezonunun 12 aylık döneminde", "2023-09/2024-08", "explicit"),
    ("Fındık ihracatında en yüksek gelir 2016-2017 döneminde elde edildi.", "2019-01-05", "2016-2017 döneminde", "2016-09/2017-08", "explicit"),
    ("Fındıkta 2009-2010 ile 2018-2019 arasındaki 10 sezonda ihracat arttı.", "2019-12-05", "2009-2010 ile 2018-2019 arasındaki", "2009-09/2019-08", "explicit"),
    ("Ticaret hacmi 2025’in ikinci çeyrek sonuna kadar olan dört çeyreklik dönemde 20 milyar sterlin oldu.", "2025-11-08", "2025’in ikinci çeyrek sonuna kadar olan dört çeyreklik dönemde", "2024-07/2025-06", "explicit"),
    # relative to the publication date
    ("Kocaeli geçen yıl 22 milyar dolar ihracat yaptı.", "2026-01-07", "geçen yıl", "2025", "relative"),
    ("Sektör geçen sene 3 milyar dolar ihracat yaptı.", "2020-02-01", "geçen sene", "2019", "relative"),
    ("Bu yıl ihracat hedefi aşıldı.", "2024-12-20", "Bu yıl", "2024", "relative"),
    ("Bu yılın ocak-ağustos döneminde fındık ihracatı arttı.", "2025-09-06", "Bu yılın ocak-ağustos döneminde", "2025-01/2025-08", "relative"),
    ("Sanayi ihracatı geçen ay yüzde 5 arttı.", "2024-11-04", "geçen ay", "2024-10", "relative"),
    ("Geçen ayki ihracat 333 milyon dolar oldu.", "2023-01-05", "Geçen ayki", "2022-12", "relative"),
    ("Bu ay ihracatta rekor bekleniyor.", "2023-06-15", "Bu ay", "2023-06", "relative"),
    ("Geçen yılın Eylül ayında bu rakam 8 milyar dolardı.", "2023-10-31", "Geçen yılın Eylül ayında", "2022-09", "relative"),
    ("Geçen yıl Haziran ayında 70 ülkeye ihracat yapıldı.", "2018-07-05", "Geçen yıl Haziran ayında", "2017-06", "relative"),
    ("Mücevher ihracatı geçen yılın ilk çeyreğine göre arttı.", "2021-04-05", "geçen yılın ilk çeyreğine", "2020-01/2020-03", "relative"),
    ("Türkiye geçtiğimiz yıl 20 yeni pazara açıldı.", "2026-01-13", "geçtiğimiz yıl", "2025", "relative"),
    ("Sektör önümüzdeki yıl yüzde 8 büyüme hedefliyor.", "2025-11-04", "önümüzdeki yıl", "2026", "relative"),
    ("İhracat son 5 yılda ikiye katlandı.", "2025-10-03", "son 5 yılda", "2020-01/2024-12", "relative"),
    ("Zeytin ihracatı bu sezon yüzde 28 arttı.", "2025-11-23", "bu sezon", "2025-10/2026-09", "same"),
    ("Zeytin ihracatı geçen sezonun ilk ayında 4 milyon dolardı.", "2025-11-23", "geçen sezonun ilk ayında", "2024-10", "relative"),
    # trailing and anaphoric
    ("Son 12 aylık ihracat 250 milyar dolar oldu.", "2018-08-02", "Son 12 aylık", "2017-08/2018-07", "trailing:12"),
    ("İhracat son 12 ayda 260 milyar dolara ulaştı.", "2025-10-03", "son 12 ayda", "2024-10/2025-09", "trailing:12"),
    ("Yıllıklandırılmış ihracat 254 milyar dolara çıktı.", "2023-03-05", "Yıllıklandırılmış", "2022-03/2023-02", "trailing:12"),
    ("İhracat son bir yılda 10 milyar dolar arttı.", "2024-06-03", "son bir yılda", "2023-06/2024-05", "trailing:12"),
    ("Sektör son 3 ayda toparlandı.", "2024-06-03", "son 3 ayda", "2024-03/2024-05", "trailing:3"),
    ("Kent ihracatı bir önceki yıla göre yüzde 6 arttı.", "2020-02-03", "bir önceki yıla", "2019", "prev_year"),
    ("İhracat önceki yıla göre düştü.", "2025-11-25", "önceki yıla", "2024", "prev_year"),
    ("Bu dönemde en çok ihracat Irak'a yapıldı.", "2024-04-05", "Bu dönemde", None, "same"),
    ("Söz konusu dönemde ithalat azaldı.", "2024-10-04", "Söz konusu dönemde", None, "same"),
    ("Aynı dönemde ithalat yüzde 4 arttı.", "2022-07-29", "Aynı dönemde", None, "same"),
    ("Bu yılın aynı döneminde enerji ithalatı azaldı.", "2023-10-31", "Bu yılın aynı döneminde", None, "same_this_year"),
    ("İhracat geçen yılın aynı dönemine göre yüzde 3 arttı.", "2024-10-04", "geçen yılın aynı dönemine", None, "same_prev_year"),
    ("İhracat geçen yılın aynı ayına göre yüzde 12 arttı.", "2018-08-02", "geçen yılın aynı ayına", None, "same_prev_year"),
    ("İhracat geçen yılın söz konusu dönemine göre yüzde 2 arttı.", "2021-03-04", "geçen yılın söz konusu dönemine", None, "same_prev_year"),
    ("Satışlar geçen yılın ilgili dönemine göre geriledi.", "2021-03-04", "geçen yılın ilgili dönemine", None, "same_prev_year"),
    ("Artış bir önceki yılın aynı dönemine göre yüzde 18 oldu.", "2022-07-29", "bir önceki yılın aynı dönemine", None, "same_prev_year"),
    ("Satışlar geçen senenin aynı dönemine kıyasla arttı.", "2019-10-05", "geçen senenin aynı dönemine", None, "same_prev_year"),
    ("Miktar önceki sezonun aynı dönemine göre azaldı.", "2025-09-06", "önceki sezonun aynı dönemine", None, "same_prev_year"),
    ("Birim değer 2022’nin aynı dönemine göre düştü.", "2023-07-04", "2022’nin aynı dönemine", None, "same_period_of_year"),
    ("Aynı yıl 14 bin firma ihracat yaptı.", "2025-11-08", "Aynı yıl", None, "same_year"),
    ("İhracat bir önceki aya göre yüzde 2 azaldı.", "2024-11-04", "bir önceki aya", None, "prev_month"),
]


@pytest.mark.parametrize("sentence,pub,surface,period,code", CORPUS)
def test_periods_corpus(sentence, pub, surface, period, code):
    found = {f.text: f for f in periods_in(sentence, D(pub))}
    assert surface in found, f"{surface!r} not found; found {list(found)}"
    f = found[surface]
    assert f.period == period
    assert code in (f.code, f.kind)


def test_periods_corpus_is_large_enough():
    assert len(CORPUS) >= 60


# Words that look like periods and are not.
NOT_PERIODS = [
    "Firmalar 2025 milyon dolar değerinde sipariş aldı.",
    "Birlik 2000 firmaya eğitim verdi.",
    "İhracat yüzde 2024 oranında arttı.",
    "Ülke çeşitliliği her geçen yıl arttı.",
    "Başkan, geçen yıllar zor geçti dedi.",
    "Sektör yeni dönemde yeni pazarlara açılacak.",
    "Giderlerin arttığı bir dönemde kâr elde edildi.",
    "Buğday ekim alanları genişledi.",
    "Fiyatlar yüzde 5 ile 10 aralığında değişti.",
    "Sektör 1990'lı yıllarda büyüdü.",
    "Yarı işlenmiş altın ihracatı arttı.",
    "İhracat yılın kalan 3 ayında da sürmeli.",
    "Yarıdan fazlası tek ülkeye gitti.",
    "Aylık ihracat yüzde 24 düştü.",
    "Bu aylık bazda en yüksek artış oldu.",
]


@pytest.mark.parametrize("sentence", NOT_PERIODS)
def test_periods_not_a_period(sentence):
    assert periods_in(sentence, D("2025-01-10")) == []


@pytest.mark.parametrize("sentence,surface,period", [
    ("Sektör 2024'te büyüdü.", "2024'te", "2024"),
    ("Ocak-Eylül 2025 döneminde arttı.", "Ocak-Eylül 2025 döneminde", "2025-01/2025-09"),
    ("Sektör ilk çeyrekte büyüdü.", "ilk çeyrekte", None),
    ("Kent geçen yıl büyüdü.", "geçen yıl", None),
    ("Son 12 ayda ihracat arttı.", "Son 12 ayda", None),
])
def test_periods_without_publication_date(sentence, surface, period):
    found = {f.text: f.period for f in periods_in(sentence, None)}
    assert found == {surface: period}


@pytest.mark.parametrize("kind,current,pub,year,expected", [
    ("same", "2024-01/2024-09", None, None, "2024-01/2024-09"),
    ("same_prev_year", "2024-01/2024-09", None, None, "2023-01/2023-09"),
    ("same_prev_year", "2023-02", None, None, "2022-02"),
    ("same_prev_year", "2024-10/2025-09", None, None, "2023-10/2024-09"),
    ("same_period_of_year", "2023-01/2023-06", None, 2022, "2022-01/2022-06"),
    ("same_period_of_year:2021", "2023-06", None, None, "2021-06"),
    ("trailing:12", "2018-07", None, None, "2017-08/2018-07"),
    ("trailing:12", "2018-01/2018-07", None, None, "2017-08/2018-07"),
    ("trailing:12", None, D("2023-03-05"), None, "2022-03/2023-02"),
    ("trailing:3", None, D("2024-01-10"), None, "2023-10/2023-12"),
    ("prev_year", "2019", None, None, "2018"),
    ("prev_year", None, D("2020-02-03"), None, "2019"),
    ("same_year", "2014-07", None, None, "2014"),
    ("prev_month", "2024-10", None, None, "2024-09"),
    ("prev_month", "2024-01", None, None, "2023-12"),
    ("same", None, D("2024-01-01"), None, None),
    ("same_prev_year", None, D("2024-01-01"), None, None),
])
def test_periods_resolve_relative(kind, current, pub, year, expected):
    assert resolve_relative(kind, current, pub, year=year) == expected


@pytest.mark.parametrize("period,first,last", [
    ("2025", "2025-01-01", "2025-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-01/2025-10", "2025-01-01", "2025-10-31"),
    ("2024-09/2025-08", "2024-09-01", "2025-08-31"),
    ("2020-01/2024-12", "2020-01-01", "2024-12-31"),
])
def test_periods_bounds(period, first, last):
    assert period_bounds(period) == (D(first), D(last))


@pytest.mark.parametrize("bad", ["", "25", "2025-13", "2025-1", "2025/2026", "2025-10/2025-01", "ekim"])
def test_periods_parse_rejects_bad_strings(bad):
    with pytest.raises(PeriodError, match="E03"):
        parse_period(bad)


@given(st.integers(1990, 2039), st.integers(1, 12), st.integers(0, 3), st.integers(0, 11))
def test_periods_format_parse_roundtrip(y1, m1, dy, dm):
    last = y1 * 12 + m1 - 1 + dy * 12 + dm
    y2, m2 = last // 12, last % 12 + 1
    assert parse_period(format_period(y1, m1, y2, m2)) == (y1, m1, y2, m2)


MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
          "Eylül", "Ekim", "Kasım", "Aralık"]


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
       st.integers(1, 12), st.integers(0, 11))
def test_periods_inferred_range_is_latest_started(pub, m1, span):
    m2 = min(12, m1 + span)
    text = (f"{MONTHS[m1 - 1]}-{MONTHS[m2 - 1]} döneminde ihracat arttı." if m2 != m1
            else f"{MONTHS[m1 - 1]} ayında ihracat arttı.")
    (found,) = periods_in(text, pub)
    first, last = period_bounds(found.period)
    assert (first.month, last.month) == (m1, m2)
    assert last.replace(day=1) <= pub  # its last month has started
    assert date(last.year + 1, last.month, 1) > pub  # and it is the latest such


@given(st.integers(1990, 2039), st.integers(1, 12), st.integers(0, 11))
def test_periods_explicit_year_wins(year, m1, span):
    m2 = min(12, m1 + span)
    (found,) = periods_in(f"{year} yılının {MONTHS[m1 - 1]}-{MONTHS[m2 - 1]} döneminde"
                          if m2 != m1 else f"{MONTHS[m1 - 1]} {year}'te", date(2040, 1, 1))
    assert found.period == format_period(year, m1, year, m2)
    assert found.code == "explicit"
