"""The gazetteer component: provinces, countries, groups, sectors, products, organisations.

Every province is tested from the data file in the forms news writes it (genitive,
ablative, locative, dative with the right vowel harmony; ASCII and curly apostrophes;
ALL CAPS with the Turkish İ). Everything else is a hand-written table of sentences in
the register of Turkish trade news.
"""
import json
from pathlib import Path

import pytest

from service.lang.casing import tr_upper

GAZETTEERS = Path(__file__).resolve().parents[2] / "models" / "gazetteers"
PROVINCES = json.loads((GAZETTEERS / "provinces.json").read_text(encoding="utf-8"))["entries"]
SECTOR_IDS = {e["norm"] for e in json.loads((GAZETTEERS / "sectors.json").read_text(encoding="utf-8"))["entries"]}

VOWELS = "aeıioöuüâ"
VOICELESS = "fstkçşhp"
HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü", "â": "i"}


def _last_vowel(word: str) -> str:
    return next(ch for ch in reversed(word.lower()) if ch in VOWELS)


def suffixes(name: str) -> dict[str, str]:
    """The case suffixes a proper name takes after its apostrophe (vowel harmony, d/t)."""
    v = _last_vowel(name)
    i, a = HIGH[v], "a" if v in "aıou" else "e"
    ends_in_vowel = name[-1].lower() in VOWELS
    d = "t" if name[-1].lower() in VOICELESS else "d"
    return {
        "gen": ("n" + i + "n") if ends_in_vowel else (i + "n"),
        "abl": d + a + "n",
        "loc": d + a,
        "dat": ("y" + a) if ends_in_vowel else a,
    }


def province_forms(name: str) -> list[str]:
    s = suffixes(name)
    return [
        f"{name}'{s['gen']} ihracatı geçen yıl yüzde 10 arttı.",
        f"Firmalar {name}’{s['abl']} 120 ülkeye ihracat yaptı.",
        f"İhracat {name}'{s['loc']} rekor kırdı.",
        f"Yatırımcılar {name}’{s['dat']} yöneldi.",
        f"{tr_upper(name)}'{tr_upper(s['abl'])} DÜNYAYA İHRACAT",
        f"{tr_upper(name)}’{tr_upper(s['gen'])} İHRACATI REKOR KIRDI",
    ]


def run(nlp, text):
    """The text through normalize and gazetteer only: later components add their own entities."""
    doc = nlp.make_doc(text)
    for name in ("normalize", "gazetteer"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def ents(doc, label=None):
    return [(e.text, e.label_, e._.norm, e._.code) for e in doc.ents if label is None or e.label_ == label]


def test_gazetteer_has_all_81_provinces():
    assert len(PROVINCES) == 81
    assert sorted(int(p["code"]) for p in PROVINCES) == list(range(1, 82))
    assert all(len(p["code"]) == 2 for p in PROVINCES)


@pytest.mark.parametrize("province", PROVINCES, ids=[p["norm"] for p in PROVINCES])
def test_gazetteer_province_in_every_inflected_form(nlp, province):
    for text in province_forms(province["norm"]):
        found = [(e.label_, e._.norm, e._.code) for e in run(nlp, text).ents]
        assert found == [("PROVINCE", province["norm"], province["code"])], text


@pytest.mark.parametrize("text,norm,code", [
    ("Kocaeli'nin ihracatı 22,9 milyar dolar oldu.", "Kocaeli", "41"),
    ("İstanbul’dan yapılan ihracat arttı.", "İstanbul", "34"),
    ("Afyonkarahisar'ın mermer ihracatı yükseldi.", "Afyonkarahisar", "03"),
    ("Afyon'dan Avrupa'ya mermer gönderildi.", "Afyonkarahisar", "03"),
    ("Antep'in ihracatı 11 milyar doları buldu.", "Gaziantep", "27"),
    ("Urfa'dan Irak'a gıda ihraç edildi.", "Şanlıurfa", "63"),
    ("Maraş'ın tekstil firmaları büyüdü.", "Kahramanmaraş", "46"),
    ("K.Maraş'tan yapılan ihracat geriledi.", "Kahramanmaraş", "46"),
    ("İçel'den narenciye gönderildi.", "Mersin", "33"),
    ("Hakkâri'nin sınır ticareti canlandı.", "Hakkari", "30"),
    # Derived forms: -lı/-li/-lu/-lü, with or without a further suffix.
    ("Gaziantepli ihracatçılar yeni pazarlara açıldı.", "Gaziantep", "27"),
    ("Kocaelili firmalar ihracatta rekor kırdı.", "Kocaeli", "41"),
    ("Fuarda Bursalılar öne çıktı.", "Bursa", "16"),
    ("Toplantıya katılan Ordulu üreticiler fındık fiyatını konuştu.", "Ordu", "52"),
    ("İhracat yapan Denizlilerin sayısı arttı.", "Denizli", "20"),
    # Ambiguous names inside a sentence, after a word that is not capitalised.
    ("Ege'de ihracatta ikinci sırada Aydın yer aldı.", "Aydın", "09"),
    ("Doğu'da en çok ihracat yapan il Van oldu.", "Van", "65"),
])
def test_gazetteer_province_variants(nlp, text, norm, code):
    assert [(e._.norm, e._.code) for e in run(nlp, text).ents if e.label_ == "PROVINCE"] == [(norm, code)]


@pytest.mark.parametrize("text", [
    "Türk ordu mensupları tatbikata katıldı.",
    "Ürünler van ile limana taşındı.",
    "Tokat atan oyuncu cezalandırıldı.",
    "Genel Müdür Mehmet Aydın açıklama yaptı.",
    "Mali müşavirler toplantısı yapıldı.",
    "Hastada ağrı şikayeti azaldı.",
    "ORDU VE VAN AYNI GÜNDE",
])
def test_gazetteer_common_words_are_not_places(nlp, text):
    assert ents(run(nlp, text), "PROVINCE") == [] and ents(run(nlp, text), "COUNTRY") == []


@pytest.mark.parametrize("text,norm,code", [
    ("Almanya'ya ihracat 2 milyar dolar oldu.", "Almanya", "DE"),
    ("ABD'ye yapılan ihracat yüzde 5 arttı.", "Amerika Birleşik Devletleri", "US"),
    ("Amerika Birleşik Devletleri'ne satışlar arttı.", "Amerika Birleşik Devletleri", "US"),
    ("Ürünler en çok Amerika'ya gitti.", "Amerika Birleşik Devletleri", "US"),
    ("İngiltere'ye ihracat geriledi.", "Birleşik Krallık", "GB"),
    ("Birleşik Krallık'a ihracat 1,1 milyar dolar oldu.", "Birleşik Krallık", "GB"),
    ("BAE'ye altın ihracatı arttı.", "Birleşik Arap Emirlikleri", "AE"),
    ("Birleşik Arap Emirlikleri’ne ihracat geriledi.", "Birleşik Arap Emirlikleri", "AE"),
    ("Güney Kore'ye otomotiv ihracatı arttı.", "Güney Kore", "KR"),
    ("KKTC'ye ihracat 1,5 milyar dolar oldu.", "KKTC", "XC"),
    ("Kuzey Kıbrıs Türk Cumhuriyeti'ne gıda gönderildi.", "KKTC", "XC"),
    ("Rusya Federasyonu'na ihracat azaldı.", "Rusya", "RU"),
    ("Rusya'dan ithalat arttı.", "Rusya", "RU"),
    ("Çin Halk Cumhuriyeti'nden ithalat arttı.", "Çin", "CN"),
    ("Çin'e ihracat yüzde 3 geriledi.", "Çin", "CN"),
    ("Hollanda'ya çiçek ihracatı arttı.", "Hollanda", "NL"),
    ("Irak'a ihracat 12 milyar dolara ulaştı.", "Irak", "IQ"),
    ("IRAK'A İHRACAT REKOR KIRDI", "Irak", "IQ"),
    ("Mısır'a yapılan satışlar arttı.", "Mısır", "EG"),
    ("İran'dan doğal gaz ithalatı azaldı.", "İran", "IR"),
    ("Suudi Arabistan'a ihracat yeniden canlandı.", "Suudi Arabistan", "SA"),
    ("Kırgızistan'a tekstil ihracatı arttı.", "Kırgızistan", "KG"),
    ("Fransa’ya ihracat 9 milyar dolar oldu.", "Fransa", "FR"),
    ("İtalya'ya makine satışı arttı.", "İtalya", "IT"),
    ("İspanya'ya ihracat yüzde 7 arttı.", "İspanya", "ES"),
    ("Polonya'ya beyaz eşya satışı arttı.", "Polonya", "PL"),
    ("Romanya'ya ihracat geriledi.", "Romanya", "RO"),
    ("Bulgaristan'a yapılan ihracat arttı.", "Bulgaristan", "BG"),
    ("Yunanistan'a ihracat 5 milyar dolar oldu.", "Yunanistan", "GR"),
    ("Gürcistan'a ihracat arttı.", "Gürcistan", "GE"),
    ("Azerbaycan'a ihracat yüzde 20 arttı.", "Azerbaycan", "AZ"),
    ("Kazakistan'a yapılan ihracat arttı.", "Kazakistan", "KZ"),
    ("Özbekistan'a tekstil makinesi satıldı.", "Özbekistan", "UZ"),
    ("Ukrayna'ya ihracat toparlandı.", "Ukrayna", "UA"),
    ("İsrail'e ihracat durduruldu.", "İsrail", "IL"),
    ("Libya'ya inşaat malzemesi gönderildi.", "Libya", "LY"),
    ("Cezayir'e çelik ihracatı arttı.", "Cezayir", "DZ"),
    ("Fas'a ihracat arttı.", "Fas", "MA"),
    ("Nijerya'ya ihracat geriledi.", "Nijerya", "NG"),
    ("Hindistan'dan ithalat arttı.", "Hindistan", "IN"),
    ("Japonya'ya ihracat geriledi.", "Japonya", "JP"),
    ("Kanada'ya ihracat arttı.", "Kanada", "CA"),
    ("Brezilya'ya ihracat yüzde 15 arttı.", "Brezilya", "BR"),
    ("Belçika'ya ihracat 4 milyar dolar oldu.", "Belçika", "BE"),
    ("İsviçre'ye altın ihracatı arttı.", "İsviçre", "CH"),
    ("Çekya'ya ihracat arttı.", "Çekya", "CZ"),
    ("Çek Cumhuriyeti'ne ihracat arttı.", "Çekya", "CZ"),
    ("Sırbistan'a ihracat arttı.", "Sırbistan", "RS"),
    ("Güney Afrika'ya ihracat arttı.", "Güney Afrika", "ZA"),
    ("Kosova'ya ihracat arttı.", "Kosova", "XK"),
    ("Türkiye'nin ihracatı 261,8 milyar dolar oldu.", "Türkiye", "TR"),
    ("Türkiye Cumhuriyeti genelinde ihracat arttı.", "Türkiye", "TR"),
    ("Turkiye ihracati artti.", "Türkiye", "TR"),
    ("Toplam ihracatta Mali ilk kez yer aldı.", "Mali", "ML"),
    ("Afrika'da en büyük pazar Mısır oldu.", "Mısır", "EG"),
])
def test_gazetteer_country(nlp, text, norm, code):
    assert [(e._.norm, e._.code) for e in run(nlp, text).ents if e.label_ == "COUNTRY"][-1:] == [(norm, code)]


@pytest.mark.parametrize("text,code", [
    ("AB'ye ihracat 100 milyar doları aştı.", "EU"),
    ("Avrupa Birliği ülkelerine ihracat arttı.", "EU"),
    ("Serbest bölgelerden yapılan ihracat arttı.", "FZ"),
    ("Ürünler serbest bölgelere gönderildi.", "FZ"),
    ("Afrika'ya ihracat 20 milyar dolar oldu.", "@Afrika"),
    ("Orta Doğu'ya ihracat arttı.", "@Orta Doğu"),
    ("Ortadoğu ülkelerine satışlar arttı.", "@Orta Doğu"),
    ("Körfez ülkelerine ihracat geriledi.", "@Körfez ülkeleri"),
    ("Uzak Doğu'dan ithalat arttı.", "@Uzak Doğu"),
    ("Avrupa'ya ihracat arttı.", "@Avrupa"),
    ("Asya'ya yapılan ihracat arttı.", "@Asya"),
    ("Amerika kıtasına ihracat arttı.", "@Amerika kıtası"),
    ("Türk Devletleri Teşkilatı'na ihracat arttı.", "@Türk Devletleri Teşkilatı"),
    ("TDT ülkelerine ihracat arttı.", "@Türk Devletleri Teşkilatı"),
    ("Türki Cumhuriyetler'e ihracat arttı.", "@Türk Devletleri Teşkilatı"),
    ("İhracat komşu ülkelere kaydı.", "@Komşu ülkeler"),
    ("İhracat en çok komşulara arttı.", "@Komşu ülkeler"),
    ("Kuzey Amerika'ya ihracat arttı.", "@Kuzey Amerika"),
    ("Latin Amerika'ya ihracat arttı.", "@Latin Amerika"),
    ("Bağımsız Devletler Topluluğu'na ihracat arttı.", "@Bağımsız Devletler Topluluğu"),
    ("BDT ülkelerine ihracat geriledi.", "@Bağımsız Devletler Topluluğu"),
])
def test_gazetteer_group_and_region(nlp, text, code):
    assert [e._.code for e in run(nlp, text).ents if e.label_ == "COUNTRY"] == [code]


@pytest.mark.parametrize("text", [
    "Komşu il Kocaeli'nin ihracatı arttı.",
    "Kent, komşu ilçe Gebze'den sonra ikinci oldu.",
])
def test_gazetteer_a_name_used_as_an_adjective_is_no_group(nlp, text):
    assert [e._.code for e in run(nlp, text).ents if e.label_ == "COUNTRY"] == []


SECTOR_SENTENCES = [
    ("Tarım ihracatı yüzde 4 arttı.", "tarim"),
    ("Sanayi grubunun ihracatı yükseldi.", "sanayi"),
    ("Madencilik ihracatı 6 milyar dolar oldu.", "madencilik"),
    ("Hububat, bakliyat, yağlı tohumlar ve mamulleri ihracatı arttı.", "hububat"),
    ("Hububat ve bakliyatta ihracat geriledi.", "hububat"),
    ("Yaş meyve ve sebzede ihracat rekor kırdı.", "yas_meyve_sebze"),
    ("Meyve sebze mamullerinde ihracat arttı.", "meyve_sebze_mamulleri"),
    ("Kuru meyve ve mamullerinin ihracatı arttı.", "kuru_meyve"),
    ("Fındık ve mamulleri ihracatı 3 milyar doları geçti.", "findik"),
    ("Fındığın ihracatı geriledi.", "findik"),
    ("Zeytin ve zeytinyağında ihracat arttı.", "zeytin"),
    ("Zeytinyağı ihracatı rekor kırdı.", "zeytin"),
    ("Tütünde ihracat geriledi.", "tutun"),
    ("Süs bitkileri ve mamulleri ihracatı arttı.", "sus_bitkileri"),
    ("Su ürünleri ve hayvansal mamullerde ihracat arttı.", "su_urunleri"),
    ("Mobilya, kağıt ve orman ürünleri ihracatı yükseldi.", "mobilya"),
    ("Mobilyada ihracat geriledi.", "mobilya"),
    ("Tekstil ve hammaddeleri ihracatı azaldı.", "tekstil"),
    ("Tekstilde kayıplar sürdü.", "tekstil"),
    ("Deri ve deri mamullerinde ihracat arttı.", "deri"),
    ("Halıda ihracat yüzde 2 arttı.", "hali"),
    ("Kimyevi Maddeler ve Mamulleri sektörü ilk sırada.", "kimya"),
    ("Sektör kimyayı geride bıraktı.", "kimya"),
    ("Kimyevi maddelerin payı arttı.", "kimya"),
    ("Hazır giyim ve konfeksiyonda ihracat geriledi.", "hazir_giyim"),
    ("Hazırgiyimde kayıp sürdü.", "hazir_giyim"),
    ("Konfeksiyon ihracatı azaldı.", "hazir_giyim"),
    ("Otomotiv endüstrisi ihracatı rekor kırdı.", "otomotiv"),
    ("Artış en çok otomotivde görüldü.", "otomotiv"),
    ("Gemi, yat ve hizmetleri ihracatı arttı.", "gemi"),
    ("Gemi ve yat ihracatı arttı.", "gemi"),
    ("Elektrik ve elektronikte ihracat arttı.", "elektrik_elektronik"),
    ("Elektrik-elektronik ihracatı 1,5 milyar dolar oldu.", "elektrik_elektronik"),
    ("Makine ve aksamlarında ihracat arttı.", "makine"),
    ("Makinede ihracat geriledi.", "makine"),
    ("Demir ve demir dışı metallerde ihracat arttı.", "demir_demirdisi"),
    ("Talep çeliğe yöneldi.", "celik"),
    ("Çelik ihracatı azaldı.", "celik"),
    ("Çimento, cam, seramik ve toprak ürünleri ihracatı arttı.", "cimento_cam_seramik"),
    ("Mücevher ihracatı 7 milyar dolar oldu.", "mucevher"),
    ("Savunma ve havacılık sanayii ihracatı rekor kırdı.", "savunma_havacilik"),
    ("Savunma sanayiinde ihracat arttı.", "savunma_havacilik"),
    ("İklimlendirme sanayiinde ihracat arttı.", "iklimlendirme"),
    ("Diğer sanayi ürünlerinde ihracat arttı.", "diger_sanayi"),
    ("Hizmet ihracatı 100 milyar doları aştı.", "hizmet"),
    ("Demir-çelik sektörleri ihracatı 21,4 milyar dolar oldu.", "demir_demirdisi|celik"),
    ("Tekstil-konfeksiyon ihracatı 105 milyon dolar oldu.", "tekstil|hazir_giyim"),
]


def test_gazetteer_sector_table_covers_every_sector_id():
    assert {norm for _, norm in SECTOR_SENTENCES} == SECTOR_IDS


@pytest.mark.parametrize("text,norm", SECTOR_SENTENCES)
def test_gazetteer_sector(nlp, text, norm):
    assert [e._.norm for e in run(nlp, text).ents if e.label_ == "SECTOR"] == [norm]


@pytest.mark.parametrize("text,norm,sector", [
    ("Kiraz ihracatı 300 milyon dolara ulaştı.", "kiraz", "yas_meyve_sebze"),
    ("İlaç ihracatı arttı.", "ilaç", "kimya"),
    ("İlacın ihracatı arttı.", "ilaç", "kimya"),
    ("Beyaz eşya ihracatı geriledi.", "beyaz eşya", "elektrik_elektronik"),
    ("Doğal taş ihracatı arttı.", "doğal taş", "madencilik"),
    ("Antep fıstığı ihracatı arttı.", "antep fıstığı", "kuru_meyve"),
    ("Tarım makinelerinde ihracat arttı.", "tarım makineleri", "makine"),
    ("Sektörün mısır ihracatı arttı.", "mısır", "hububat"),
])
def test_gazetteer_product(nlp, text, norm, sector):
    found = [(e.label_, e._.norm, e._.code) for e in run(nlp, text).ents]
    assert found == [("PRODUCT", norm, sector)]


@pytest.mark.parametrize("text,org", [
    ("Kocaeli Ticaret Odası Başkanı açıklama yaptı.", "Kocaeli Ticaret Odası"),
    ("İstanbul Sanayi Odası'nın raporu yayımlandı.", "İstanbul Sanayi Odası'nın"),
    ("Gaziantep Ticaret Borsası'nda işlem hacmi arttı.", "Gaziantep Ticaret Borsası'nda"),
    ("İstanbul Maden ve Metal İhracatçı Birlikleri verilerine göre artış sürdü.",
     "İstanbul Maden ve Metal İhracatçı Birlikleri"),
    ("Denizli İhracatçılar Birliği toplantı yaptı.", "Denizli İhracatçılar Birliği"),
    ("İstanbul Hazır Giyim ve Konfeksiyon İhracatçı Birlikleri Başkanı konuştu.",
     "İstanbul Hazır Giyim ve Konfeksiyon İhracatçı Birlikleri"),
    ("Ankara Büyükşehir Belediyesi ihale açtı.", "Ankara Büyükşehir Belediyesi"),
    ("Kocaeli Valiliği toplantı düzenledi.", "Kocaeli Valiliği"),
    ("Bursa Üniversitesi akademisyenleri katıldı.", "Bursa Üniversitesi"),
    ("İstanbul Havalimanı'ndan kargo taşındı.", "İstanbul Havalimanı'ndan"),
    ("Mersin Limanı'ndan konteyner çıkışı arttı.", "Mersin Limanı'ndan"),
    ("Antalya Serbest Bölgesi'nin ticaret hacmi arttı.", "Antalya Serbest Bölgesi'nin"),
    ("Gaziantep Organize Sanayi Bölgesi'nde üretim arttı.", "Gaziantep Organize Sanayi Bölgesi'nde"),
    ("Konya OSB'de yeni fabrika açıldı.", "Konya OSB'de"),
    ("Borsa İstanbul'da endeks yükseldi.", "Borsa İstanbul'da"),
    ("Türkiye İhracatçılar Meclisi verileri açıklandı.", "Türkiye İhracatçılar Meclisi"),
    ("TİM'in verilerine göre ihracat arttı.", "TİM'in"),
    ("Türkiye İstatistik Kurumu verileri yayımlandı.", "Türkiye İstatistik Kurumu"),
    ("TÜİK'in açıkladığı verilere göre ihracat arttı.", "TÜİK'in"),
    ("Türkiye Odalar ve Borsalar Birliği raporu yayımlandı.", "Türkiye Odalar ve Borsalar Birliği"),
    ("Almanya Büyükelçiliği bir resepsiyon verdi.", "Almanya Büyükelçiliği"),
    ("İTO'nun raporu yayımlandı.", "İTO'nun"),
    # A company's legal form ends its name; the capitalised words before it are the name.
    ("Uludağ Tekstil A.Ş. yeni fabrika açtı.", "Uludağ Tekstil A.Ş."),
    ("Geçen yıl Erciyes Mobilya Ltd. Şti. ihracata başladı.", "Erciyes Mobilya Ltd. Şti."),
    ("Anadolu Holding'in ihracatı arttı.", "Anadolu Holding'in"),
    # A region opens an organisation's name as a province does.
    ("Karadeniz Fındık ve Mamulleri İhracatçıları Birliği verilerine göre fiyatlar yükseldi.",
     "Karadeniz Fındık ve Mamulleri İhracatçıları Birliği"),
])
def test_gazetteer_organisations_are_not_places(nlp, text, org):
    doc = run(nlp, text)
    assert ents(doc, "PROVINCE") == [] and ents(doc, "COUNTRY") == []
    assert [s.text for s in doc.spans["organisations"]] == [org]


@pytest.mark.parametrize("text", [
    "Apple CEO'su Tim Cook yeni ürünleri tanıttı.",  # an acronym (TİM) matches only in capitals
    "Abd ve Tim adlı iki yatırımcı ortaklık kurdu.",
])
def test_gazetteer_acronyms_only_in_capitals(nlp, text):
    doc = run(nlp, text)
    assert list(doc.spans["organisations"]) == [] and ents(doc, "COUNTRY") == []


@pytest.mark.parametrize("text", [
    "Mısır Cumhurbaşkanı Ankara'yı ziyaret etti.",  # Egypt or maize at a sentence's start: neither
    "Geçen yıl arttı. Mısır ihracatı bu yıl azaldı.",
])
def test_gazetteer_ambiguous_name_at_sentence_start_is_nothing(nlp, text):
    assert [e for e in run(nlp, text).ents if e.label_ in ("COUNTRY", "PRODUCT")] == []


@pytest.mark.parametrize("text, count", [
    # Confirmed once (an apostrophe, or capitalised mid-sentence), the name is the province
    # where a sentence opens with it too.
    ("Uşak ihracatı nisanda yüzde 12 azaldı. Uşak'ın deri ihracatı arttı.", 2),
    ("Van ihracatı ocakta arttı. İran'a ihracatta Van ilk sırada yer aldı.", 2),
    # Not confirmed: a sentence's first word alone says nothing.
    ("Van ihracatı ocakta arttı. Kentin ithalatı azaldı.", 0),
])
def test_gazetteer_ambiguous_province_confirmed_once_counts_at_a_sentence_start(nlp, text, count):
    assert len(ents(run(nlp, text), "PROVINCE")) == count


def test_gazetteer_org_places_keep_what_the_name_contains(nlp):
    doc = nlp("Kocaeli Sanayi Odası Başkanı, Kocaeli'nin ihracatının arttığını söyledi.")
    assert [(s.text, s._.code) for s in doc.spans["org_places"]] == [("Kocaeli", "41")]
    assert ents(doc, "PROVINCE") == [("Kocaeli'nin", "PROVINCE", "Kocaeli", "41")]


@pytest.mark.parametrize("text,label,norm", [
    # A place with its own suffix before an organisation word is still the place.
    ("Kocaeli'deki organize sanayi bölgelerinde üretim arttı.", "PROVINCE", "Kocaeli"),
    ("Mersin'in limanlarından ihracat arttı.", "PROVINCE", "Mersin"),
    # Sector words inside an exporters' union's name stay sectors.
    ("Otomotiv Endüstrisi İhracatçıları Birliği verilerine göre artış sürdü.", "SECTOR", "otomotiv"),
])
def test_gazetteer_place_or_sector_next_to_organisation_words(nlp, text, label, norm):
    assert [(e.label_, e._.norm) for e in run(nlp, text).ents] == [(label, norm)]


@pytest.mark.parametrize("text,expected", [
    # The longest name wins; nothing overlaps.
    ("Güney Afrika'ya ve Afrika'ya ihracat arttı.", [("COUNTRY", "ZA"), ("COUNTRY", "@Afrika")]),
    ("Kuzey Amerika ve Amerika'ya ihracat.", [("COUNTRY", "@Kuzey Amerika"), ("COUNTRY", "US")]),
    ("Avrupa Birliği ve Avrupa'ya ihracat.", [("COUNTRY", "EU"), ("COUNTRY", "@Avrupa")]),
    ("Antep fıstığı Antep'ten ihraç edildi.", [("PRODUCT", "kuru_meyve"), ("PROVINCE", "27")]),
    ("Kocaeli'nin Almanya'ya otomotiv ihracatı arttı.",
     [("PROVINCE", "41"), ("COUNTRY", "DE"), ("SECTOR", None)]),
    ("| Almanya |1.234| Fransa|2.345 |", [("COUNTRY", "DE"), ("COUNTRY", "FR")]),
])
def test_gazetteer_longest_match_and_order(nlp, text, expected):
    assert [(e.label_, e._.code) for e in run(nlp, text).ents] == expected


def test_gazetteer_restores_from_its_own_files(nlp, tmp_path):
    """The packaged gazetteer holds its names: it does not read models/gazetteers at load."""
    gazetteer = nlp.get_pipe("gazetteer")
    gazetteer.to_disk(tmp_path / "gazetteer")
    saved = json.loads((tmp_path / "gazetteer" / "gazetteer.json").read_text(encoding="utf-8"))
    assert set(saved["sources"]) >= {"provinces.json", "countries.json", "sectors.json", "organisations.json"}
    restored = type(gazetteer)(nlp, "copy", ["PROVINCE", "COUNTRY", "SECTOR", "PRODUCT"], 6,
                               "organisations", "org_places").from_disk(tmp_path / "gazetteer")
    doc = restored(nlp.get_pipe("normalize")(nlp.make_doc("KOCAELİ'DEN Almanya’ya kimya ihracatı")))
    assert [(e.label_, e._.norm) for e in doc.ents] == [("PROVINCE", "Kocaeli"), ("COUNTRY", "Almanya"),
                                                       ("SECTOR", "kimya")]
