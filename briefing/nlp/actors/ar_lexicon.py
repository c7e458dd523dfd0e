"""Provides the Arabic word lists the actor extractor reasons with: titles, role modifiers, name boundaries.

Words are written here as they appear in news and normalized once (`arabic.normalize`: one alef, ى -> ي, ة
-> ه,
no diacritics), so every lookup is a set or dict hit on normalized tokens. Titles that introduce persons were
collected from news style and checked against the OCC (occupation) tags that precede PERS names in the Wojood
train/val splits. `common_words()` is wordfreq's most frequent Arabic words minus every known name: a word
in it
cannot be part of a name unless a title or a known surname says otherwise.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.word_frequency import top_words
from briefing.nlp.text.word_frequency import zipf as word_zipf

# "على" is left out of the prepositions: it normalizes to "علي" (Ali); the scanner tells them apart by the
# written
# alef maksura.
# Clitic prefixes on a later mention or a title: "وعباس", "لبيدرسون", "بالمقداد", "وللرئيس".
CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")

_PREPOSITIONS = """
في إلى الى من عن مع خلال لدى حول بعد قبل عند أمام ضد منذ بين عبر نحو دون حتى إثر عقب وسط رغم بشأن
تجاه مثل فوق تحت حيال بحسب وفق وفقا لصالح بسبب إزاء لدي""".split()

_STOPWORDS = """
أن إن أنه إنه أنها إنها أنهم الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هو هي هم هما نحن
أنا أنت قد لقد كان كانت كانوا يكون تكون لم لن لا ما ماذا إذا إذ ثم أو بل لكن لكنه كما أيضا أيضاً حيث
عندما بينما فيما كذلك وذلك إلا سوى كل بعض جميع أي أحد إحدى نفسه ذاته قال قالت يقول تقول أكد أضاف
أشار أوضح اعتبر رأى ذكر صرح أعلن دعا أفاد نقل كشف بحث التقى يلتقي استقبل زار يزور وصل يصل غادر أجرى
شدد لفت تابع اليوم يوم أمس غدا غداً الليلة مساء صباح ظهر السبت الأحد الاثنين الثلاثاء الأربعاء
الخميس الجمعة يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط
آذار نيسان أيار حزيران تموز آب أيلول تشرين الأسبوع الشهر العام السنة الماضي المقبل الجاري الحالي
الفائت المنصرم القادم هنا هناك الآن حاليا حاليًا مسؤولو مسؤولي نظيره نظيرته نظيريه الجانب الجانبان
بدوره بدورها وفق جانبه جانبها""".split()

# Titles and functions that introduce a person, as phrases; the longest match wins ("رئيس الوزراء" over
# "رئيس").
_ROLE_HEADS = """وزير|وزيرة|الوزير|الوزيرة|نائب وزير|رئيس|رئيسة|الرئيس|الرئيسة|رئيس الوزراء|رئيس الحكومة
|رئيس مجلس الوزراء|نائب|نائبة|النائب|النائبة|نائب رئيس|المبعوث|مبعوث|المبعوثة|مبعوثة|المندوب|مندوب
|المندوبة|السفير|سفير|السفيرة|سفيرة|الممثل|ممثل|الممثلة|ممثلة|المتحدث|متحدث|المتحدثة|الناطق|ناطق
|الناطقة|المتحدث الرسمي|الأمين العام|أمين عام|أمين سر|الأمينة العامة|الملك|الملكة|الأمير|الأميرة
|ولي العهد|الشيخ|الشيخة|أمير قطر|أمير الكويت|السلطان|قائد|القائد|قائدة|رئيس هيئة الأركان
|رئيس الأركان|رئيس أركان|المستشار|مستشار|المستشارة|مستشارة|مساعد|مساعدة|وكيل|وكيلة|المدير|مدير|مديرة
|المديرة|المفوض|مفوض|المفوضة|المنسق|منسق|المنسقة|منسقة|القاضي|قاضي|عضو|العضو|عضوة|زعيم|الزعيم|زعيمة
|الجنرال|الفريق أول|العميد|العقيد|المقدم|الرائد|النقيب|اللواء|الضابط|المرشد|المرشد الأعلى|آية الله
|البابا|المطران|البطريرك|المفتي|مفتي|الحاكم|حاكم|المحافظ|محافظ|عمدة|رئيس بلدية|الرئيس التنفيذي
|الصحفي|الصحافي|الصحفية|الكاتب|الكاتبة|الباحث|الباحثة|المحلل|المحللة|الخبير|الخبيرة|الناشط|الناشطة
|المعارض|المعارضة|القيادي|القيادية|الداعية|الشاعر|الشاعرة|الفنان|الفنانة|المخرج|المخرجة|اللاعب
|المدرب|الأستاذ|الأستاذة|البروفيسور|الدكتور|الدكتورة|د.|السيناتور|المراسل|مراسل|المراسلة|الحاخام
|الإمام|رئيس الجمهورية|رئيس البرلمان|رئيس مجلس النواب|رئيس مجلس الشعب|السكرتير|سكرتير|المتحدثة باسم
|مدير عام|المدير العام|رئيس الديوان|رئيس المكتب|قائمقام|مختار|المختار|متصرف|المندوب السامي
|الوزير الأول|العاهل|الموفد|موفد|المسؤول|مسؤول|العماد|نائبي|وزيري|سفيري|مبعوثي|ممثلي|الرئيسان
|الرئيسين|الوزيران|الوزيرين|نائبا|وزيرا|سفيرا|الكاردينال|الحاخام الأكبر|الميجور|الكولونيل|الكابتن
|المارشال|اللورد|السير|البارونة|البارون|المسيو|المستر|الأب|القس|الراهب|الراهبة|شيخ|المناضل|المناضلة
|الأديب|الأديبة|المؤرخ|المفكر|الرسام|الرسامة|الموسيقار|المطرب|المطربة|المغني|المغنية|الروائي|الروائية
|القاص|المحامي|المحامية|الطبيب|الطبيبة|المربي|المربية|النحات|الإعلامي|الإعلامية
|المذيع|المذيعة|المصور|المصورة|المعلم|المعلمة|الممرض|الممرضة|المزارع""".replace("\n", "").split("|")

# Honorifics start a name but are not a role worth reporting.
_HONORIFICS = """
السيد السيدة الحاج الحاجة الحجة المهندس المهندسة الأخ الأخت السادة المواطن المواطنة الأسير الأسيرة
الشهيد الشهيدة الطفل الطفلة الشاب الشابة الفتى الفتاة المعتقل المعتقلة الراحل الراحلة المرحوم المرحومة
الفقيد الفقيدة""".split()
# Titles of a person, never of an office: what follows them is the name, even a definite word ("الدكتور
# الخليدي").
_PERSONAL_TITLES = """
الدكتور الدكتورة د الشيخ الشيخة الأستاذ الأستاذة الصحفي الصحافي الصحفية الكاتب الكاتبة الشاعر
الشاعرة الفنان الفنانة الناشط الناشطة القيادي القيادية الإمام البابا الملك الملكة الأمير الأميرة
السلطان العميد العقيد اللواء المقدم الرائد النقيب الجنرال الباحث الباحثة المحلل الخبير المعارض
الداعية المخرج اللاعب المدرب البروفيسور السيناتور المراسل الحاخام المفتي المطران البطريرك الكاردينال
العماد الميجور الكولونيل الكابتن المارشال اللورد السير البارونة البارون المسيو المستر الأب القس الراهب
الراهبة شيخ المناضل المناضلة الأديب الأديبة المؤرخ المفكر الرسام الرسامة الموسيقار المطرب المطربة المغني
المغنية الروائي الروائية القاص المحامي المحامية الطبيب الطبيبة المربي المربية النحات
الإعلامي الإعلامية المذيع المذيعة المصور المصورة المعلم المعلمة الممرض الممرضة المزارع""".split()

# Personal titles that are never ordinary nouns before a name: what follows is a name even when it is also
# a word ("الشيخ عوض", "السيد رزق خاطر"); "الحاجة" ("the need") and "الشاب" are not among them.
_FIRM_TITLES = """الشيخ الشيخة شيخ السيد السيدة الدكتور الدكتورة د الأستاذ الأستاذة الميجور الكولونيل الكابتن
المارشال اللورد السير المسيو المستر الأب القس العميد العقيد اللواء المقدم الرائد النقيب الجنرال""".split()

# Duals and plurals of a title, reported in the singular when the title is shared by two names.
_DUALS = {
    "نائبي": "نائب",
    "وزيري": "وزير",
    "سفيري": "سفير",
    "مبعوثي": "مبعوث",
    "ممثلي": "ممثل",
    "نائبا": "نائب",
    "وزيرا": "وزير",
    "سفيرا": "سفير",
    "الرئيسان": "الرئيس",
    "الرئيسين": "الرئيس",
    "الوزيران": "الوزير",
    "الوزيرين": "الوزير",
}

# Words that continue a title before the name: ministry portfolios, rank and function qualifiers,
# institutions.
_ROLE_MODS = """الخارجية خارجية الدفاع دفاع الداخلية داخلية المالية مالية العدل عدل الصحة صحة التعليم التربية
الاقتصاد اقتصاد النفط الطاقة الإعلام الثقافة الزراعة النقل الاتصالات السياحة الإسكان الأوقاف الشؤون
شؤون التجارة الصناعة الري المياه الكهرباء البيئة العمل الشباب الرياضة الاستثمار التخطيط الإدارة
المحلية العامة العام الأول الأعلى الخاص الخاصة الأسبق السابق السابقة الجديد الجديدة المكلف المكلفة
بالوكالة الحالي المؤقت التنفيذي الرسمي الرسمية الدائم الدائمة الإقليمي الدولي المشترك المشتركة
المساعد المنتخب المنتهية ولايته المستقيل الحكومة حكومة الوزراء النظام الدولة الجمهورية المملكة
السلطة الأركان أركان هيئة المجلس مجلس البرلمان الكنيست الجيش جيش الأمن القوات قوات الحرس الثوري
البلدية بلدية الشورى النواب الشعب الأمة المكتب مكتب السياسي العسكري الأمني الاستخبارات المخابرات
الوطني القومي الأمن القوى الجوية البحرية البرية الأعلى للقوات المسلحة العليا الإسلامية الإسلامي
الثورة الإنسانية الإنسان حقوق لحقوق الأوروبية المفوضية الإغاثة اللاجئين السامي السامية الأممية
الأمين المساعد الإقليمية السياسية الأمنية العسكرية الديمقراطية الوطنية التنفيذية للشؤون لشؤون
الإنمائي التحرير الفلسطينية الحزب حزب الحركة حركة الجماعة جماعة المنظمة منظمة اللجنة لجنة الاتحاد
الجامعة جامعة الوكالة وكالة الشرق الأدنى الأوسط المتحدة الأنباء الصحافة التفاوض الوفد وفد المفاوض
المفاوضات التنسيق الاتصال الرئاسة رئاسة الديوان الملكي الرئاسي الأميري القيادة القيادة العامة
العمليات العليا الأركان العامة الشرطة الاستراتيجية بالإنابة الفخري العلاقات العلاقات الخارجية
الدبلوماسي الدبلوماسية الإنساني للأمم الأمم الدولية المعهد المركز الإدارة قرية مدينة بلدة مخيم
محافظة قضاء منطقة حي ولاية إقليم إدارة ادارة الشخصي الشخصية باسمه باسمها باسمهم""".split()

# Organisation heads: a head followed by defining words names an organisation ("وزارة الخارجية التركية").
_ORG_HEADS = """
وزارة الوزارة اللجنة لجنة مجلس المجلس حزب الحزب حركة الحركة جبهة الجبهة منظمة المنظمة هيئة الهيئة
جامعة الجامعة الجيش جيش قوات البنك بنك صندوق الاتحاد اتحاد جمعية الجمعية مؤسسة المؤسسة شركة الشركة
المحكمة محكمة البرلمان مركز المركز معهد المعهد رئاسة ائتلاف الائتلاف تحالف التحالف جماعة الجماعة
تنظيم كتائب سرايا فيلق الحرس مديرية المديرية دائرة الدائرة بلدية البلدية غرفة الغرفة نقابة النقابة
سلطة السلطة المفوضية مفوضية الوكالة الأمانة برنامج البرنامج الهلال الصليب""".split()
# Media heads name the outlet that follows: صحيفة "الشرق الأوسط" -> org "الشرق الأوسط", وكالة سانا -> "سانا".
_MEDIA_HEADS = """صحيفة جريدة مجلة وكالة قناة موقع شبكة إذاعة تلفزيون منصة""".split()
# Facilities (and prizes) named after persons: "مطار الملك خالد", "مستشفى الشفاء"; what follows is not a
# person.
_FACILITY_HEADS = """
شارع مستشفى مسجد جامع مدرسة مطار ميدان ساحة قاعدة معبر مخيم حي قرية مدينة بلدة مستشفيات جسر سجن ملعب
قصر فندق ميناء عين دير تل كفر جبل وادي بئر خربة حامولة متحف مكتبة مستوصف عيادة حديقة قاعة مجمع كلية
مشفى جائزة""".split()

# Name-internal particles: "بن", "عبد", "أبو" always need a word after them.
_CONNECTORS = """بن ابن بنت عبد العبد أبو أبي أم آل ولد دي دو فون فان""".split()
_ALLAH_BEFORE = """عبد العبد نصر عطا فتح جاد خير حسب فضل رزق ضيف سعد عوض حمد جار عبيد""".split()
_DIN_BEFORE = """
صلاح نور علاء ناصر عز بهاء سيف شمس خير محيي محي زين جمال كمال تاج نصر عماد فخر بدر نجم حسام ضياء شرف
سعد نظام""".split()
# Ottoman and colonial titles written after a name: "طه باشا الهاشمي".
_AFTER_NAME = """باشا بيك بك أفندي افندي""".split()
# Given names written with a final alef maksura: "منى", not "مني" ("from me").
_MAKSURA_NAMES = (
    """منى ليلى سلمى هدى مصطفى موسى عيسى يحيى لمى بشرى نجوى سلوى مرتضى مجتبى جنى ندى رؤى""".split()
)


@dataclass(frozen=True)
class Lexicon:
    """The word lists in normalized form."""

    prepositions: frozenset[str]
    stopwords: frozenset[str]
    role_heads: dict[tuple[str, ...], str]
    role_head_max: int
    honorifics: frozenset[str]
    personal_titles: frozenset[str]
    firm_titles: frozenset[str]
    duals: dict[str, str]
    role_mods: frozenset[str]
    org_heads: frozenset[str]
    media_heads: frozenset[str]
    facility_heads: frozenset[str]
    connectors: frozenset[str]
    allah_before: frozenset[str]
    din_before: frozenset[str]
    after_name: frozenset[str]
    maksura_names: frozenset[str]
    given: frozenset[str]
    given_ambiguous: frozenset[str]


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


@cache
def lexicon() -> Lexicon:
    heads: dict[tuple[str, ...], str] = {}
    for phrase in (*_ROLE_HEADS, *_HONORIFICS):
        phrase = phrase.strip()
        if phrase:
            heads[tuple(normalize(w) for w in phrase.split())] = phrase
    given: set[str] = set()
    ambiguous: set[str] = set()
    with resources.files("briefing").joinpath("data", "given_names.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")][1:]
    for row in rows:
        forms = {normalize(f) for f in row[0].split("|") if f}
        (ambiguous if row[2].strip() == "1" else given).update(forms)
    return Lexicon(
        prepositions=_norm_set(_PREPOSITIONS),
        stopwords=_norm_set(_STOPWORDS),
        role_heads=heads,
        role_head_max=max(len(k) for k in heads),
        honorifics=_norm_set(_HONORIFICS),
        personal_titles=_norm_set(_PERSONAL_TITLES + _HONORIFICS),
        firm_titles=_norm_set(_FIRM_TITLES),
        duals={normalize(k): v for k, v in _DUALS.items()},
        role_mods=_norm_set(_ROLE_MODS),
        org_heads=_norm_set(_ORG_HEADS),
        media_heads=_norm_set(_MEDIA_HEADS),
        facility_heads=_norm_set(_FACILITY_HEADS),
        connectors=_norm_set(_CONNECTORS),
        allah_before=_norm_set(_ALLAH_BEFORE),
        din_before=_norm_set(_DIN_BEFORE),
        after_name=_norm_set(_AFTER_NAME),
        maksura_names=_norm_set(_MAKSURA_NAMES),
        given=frozenset(given - ambiguous),
        given_ambiguous=frozenset(ambiguous),
    )


@cache
def common_words(top: int = 10000) -> frozenset[str]:
    """wordfreq's `top` most frequent Arabic words, normalized, less every given name and table name word."""
    from briefing.nlp.actors.known import known_tokens  # noqa: PLC0415 (avoids an import cycle)

    lex = lexicon()
    names = lex.given | known_tokens()
    return frozenset(w for w in (normalize(t) for t in top_words("ar", top)) if w not in names)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an Arabic word (0 when unknown)."""
    return word_zipf(word, "ar")


def future_verb(norm: str) -> bool:
    """ "سيزور", "ستعقد", "سنواصل": the future prefix on an imperfect that is itself a frequent word, so
    names with the same opening ("ستافان", "سنينة", "ستيفن") are not taken for verbs."""
    return len(norm) >= 5 and norm[0] == "س" and norm[1] in "يتن" and zipf(norm[1:]) >= 3.0


def strip_clitic(norm: str) -> list[tuple[int, str]]:
    """The readings of a normalized token as clitic + word, the bare word first: "وللرئيس" -> [(0, ...),
    (2, "الرئيس")...]. "لل" + word reads as ل + "ال" + word (the alef of the article drops after ل)."""
    out = [(0, norm)]
    for clitic in CLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 2:
            rest = norm[len(clitic) :]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                out.append((len(clitic), "ا" + rest))
            out.append((len(clitic), rest))
    return out
