"""Provides the word lists behind dates and events, and the word-boundary guards `L` and `R` their patterns
use: month and weekday names (Arabic in its four regional series, Hijri, English), time-of-day words, and
the Arabic and English cues that mark a clause as future or past.

All Arabic entries are in normalized form (see `briefing.nlp.text.arabic.normalize`): the patterns built from
them run over normalized text and map their spans back to the original. Alternations list longer forms
first so that "كانون الثاني" wins over a shorter prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

L = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وفبل]))"
"""Regex guard: a word starts here, with a one-letter clitic (و ف ب ل) allowed before it."""
R = r"(?![^\W_])"
"""Regex guard: a word ends here."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, inner spaces matching any white space."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# fmt: off
# --- Gregorian months -----------------------------------------------------------------------------

AR_MONTHS: dict[str, int] = {
    # Egypt and the Gulf (with Egyptian يونيه/يوليه and the إبريل spelling)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levant and Iraq
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Maghreb (Algeria, Tunisia) and Morocco
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8, "يوليوز": 7, "غشت": 8,
    "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
# Month names that are also everyday words ("اب" father, "ماي"): accepted only next to a day number or a
# date context word, never as a bare month.
AR_AMBIGUOUS_MONTHS = frozenset({"اب", "ماي"})

EN_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# "may" and "march" are also verbs: as bare months they must be capitalized in the original text.
EN_VERB_MONTHS = frozenset({"may", "march"})

# --- Hijri months --------------------------------------------------------------------------------

AR_HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "جمادي الاولي": 5,
    "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6, "جمادي الاخر": 6, "جمادي الثاني": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}
# Feasts that fix a Hijri date: (month, day).
AR_HIJRI_FEASTS: dict[str, tuple[int, int]] = {
    "عيد الفطر": (10, 1), "عيد الاضحي": (12, 10), "راس السنه الهجريه": (1, 1), "المولد النبوي": (3, 12),
}

# --- weekdays (Monday = 0, as `date.weekday()`) --------------------------------------------------

AR_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
EN_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

# --- modifiers -----------------------------------------------------------------------------------

AR_NEXT = ("المقبل", "المقبله", "القادم", "القادمه", "التالي")
AR_LAST = ("الماضي", "الماضيه", "الفائت", "الفائته", "المنصرم", "المنصرمه", "المنقضي", "السابق")
AR_THIS = ("الجاري", "الجاريه", "الحالي", "الحاليه")
AR_REL_RE = alternation((*AR_NEXT, *AR_LAST, *AR_THIS))


def ar_rel(word: str | None) -> int | None:
    """+1 for "next" words, -1 for "last" words, 0 for "this/current", None for no modifier."""
    if not word:
        return None
    if word in AR_NEXT:
        return 1
    if word in AR_LAST:
        return -1
    return 0


# Parts of a month or week: early (days 1-10), mid (11-20), late (21-end).
AR_PARTS: dict[str, str] = {
    "مطلع": "early", "مستهل": "early", "بدايه": "early", "اوائل": "early", "غره": "early", "اول": "early",
    "منتصف": "mid", "اواسط": "mid", "وسط": "mid", "اواخر": "late", "نهايه": "late", "اخر": "late",
    "ختام": "late", "اواخر شهر": "late",
}
EN_PARTS: dict[str, str] = {
    "early": "early", "the beginning of": "early", "beginning of": "early", "the start of": "early",
    "start of": "early", "the first half of": "early", "mid": "mid", "the middle of": "mid",
    "middle of": "mid", "mid-": "mid", "late": "late", "the end of": "late", "end of": "late",
    "the second half of": "late",
}

# Time-of-day words that may precede a day word ("مساء اليوم", "صباح الأحد").
AR_TIME_OF_DAY = (
    "صباح", "مساء", "ظهر", "عصر", "فجر", "ليل", "ليله", "ظهيره", "صبيحه", "منتصف ليل", "قبيل", "بعيد",
    "نهار", "ضحي", "بعد ظهر", "عشيه",
)
EN_TIME_OF_DAY = ("morning", "afternoon", "evening", "night")

# --- tense cues (normalized Arabic; case-folded English) -----------------------------------------

# Strong future cues: the clause speaks of something scheduled or expected.
AR_FUTURE_CUES = (
    "من المقرر ان", "من المقرر", "المقرر ان", "مقرر ان", "من المنتظر ان", "من المنتظر", "ينتظر ان",
    "تنتظر ان", "من المتوقع ان", "من المتوقع", "يتوقع ان", "تتوقع ان", "من المرتقب", "يرتقب", "المرتقب",
    "المرتقبه", "يعتزم", "تعتزم", "يعتزمون", "نعتزم", "يزمع", "تزمع", "سوف", "يستعد ل", "تستعد ل",
    "يستعدون ل", "يستعد", "تستعد", "يستعدون", "يخطط ل", "تخطط ل", "ينوي", "تنوي", "بصدد", "علي ان",
    "حدد موعد", "حددت موعد",
    "تحدد موعد", "سيتم", "يرجح ان", "من المفترض ان", "المزمع", "المقرر", "المقرره", "مقررا", "مقرره",
    "امامه حتي", "امامها حتي", "امامهم حتي", "لديه حتي", "لديها حتي", "لديهم حتي",
)
# Perfect verbs frequent in news reports (stems; ت / وا / ا / تا endings are added by the pattern).
AR_PAST_STEMS = (
    "التقي", "اجري", "عقد", "قال", "اكد", "اعلن", "اوضح", "اشار", "ذكر", "اضاف", "اجتمع", "زار", "وصل",
    "غادر", "بحث", "ناقش", "استقبل", "وقع", "شارك", "حضر", "القي", "دعا", "طالب", "اعتبر", "كشف", "نقل",
    "افاد", "صرح", "شدد", "جدد", "بدا", "انطلق", "اختتم", "انتهي", "جري", "شهد", "اصدر", "تراس", "هاجم",
    "قتل", "شن", "استهدف", "سقط", "انسحب", "رفض", "وافق", "اتهم", "حذر", "نفي", "تناول", "تجمد", "اقر",
    "رعي", "اعرب", "ابدي", "تلقي", "عاد", "انعقد", "تم", "اختار", "فاز", "انتخب", "صوت", "اعتمد", "دخل",
    "توجه", "اجريت", "جرت", "تمت", "كان", "كانت", "اختتمت", "افتتح", "نظم", "استضاف", "اطلق",
    "امضي", "قضي", "ادلي", "اقيم", "اقيمت", "صدر",
)
EN_FUTURE_CUES = (
    "will", "'ll", "shall", "would", "is scheduled to", "are scheduled to", "was scheduled to",
    "is set to", "are set to", "is due to", "are due to", "is expected to", "are expected to",
    "is slated to", "plans to", "plan to", "planning to", "intends to", "is to", "are to", "is going to",
    "are going to", "upcoming", "is poised to", "is preparing to", "to be held", "scheduled for",
    "set for", "due on", "planned for", "expected on", "slated for", "will be", "is planning",
    "are planning", "has until", "have until", "given until",
)
# Reporting verbs: a past "said" after a date tells when it was said, not when the event is.
AR_REPORTING = (
    "قال", "قالت", "اعلن", "اعلنت", "اضاف", "اضافت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت",
    "اوضح", "اوضحت", "صرح", "نقل", "نقلت", "كشف", "كشفت",
)
EN_REPORTING = ("said", "told", "announced", "reported", "added", "stated", "noted")
# Imperfect verbs that open background remarks ("يذكر أن": it is worth recalling that), not plans.
AR_BACKGROUND_VERBS = ("يذكر", "يشار", "تجدر", "يبدو", "يعد", "تعد", "يعتبر", "يقول", "تقول")
EN_PAST_WORDS = (
    "said", "met", "held", "visited", "arrived", "announced", "told", "discussed", "signed", "took place",
    "was held", "were held", "attended", "opened", "launched", "ended", "began", "started", "agreed",
    "urged", "warned", "killed", "declared", "reported", "added", "hosted", "traveled", "travelled",
    "returned", "concluded", "convened", "voted", "elected", "approved", "rejected", "had", "wrapped up",
    "spoke", "gave", "addressed", "went", "came", "received", "welcomed", "left", "took", "did", "resumed",
    "stated", "noted", "dissolved", "suspended", "passed", "ordered", "named", "appointed", "resigned",
    "won", "lost", "struck", "attacked", "fired", "shelled", "bombed", "seized", "captured", "released",
    "freed", "handed", "presented", "submitted", "sent", "deployed", "withdrew", "dismissed", "blamed",
    "accused", "condemned", "criticised", "criticized", "praised", "stressed", "confirmed", "denied",
    "claimed", "insisted", "issued", "published", "revealed", "imposed", "lifted", "sanctioned", "rejected",
    "collapsed", "failed", "broke", "erupted", "died", "crossed", "fled",
)

# Status cues.
AR_CONDITIONAL = ("في حال", "في حاله", "اذا", "شرط ان", "شريطه", "ما لم", "مشروط", "لو")
AR_POSTPONED = (
    "تاجيل", "ارجئ", "ارجئت", "ارجا", "ارجاء", "اجلت", "تاجلت", "تم تاجيل", "يؤجل", "تؤجل", "اجل موعد",
)
AR_CANCELLED = ("الغاء", "الغيت", "الغي", "تم الغاء", "الغت", "يلغي", "تلغي")
EN_CONDITIONAL = ("if", "unless", "provided that", "on condition that", "should")
EN_POSTPONED = ("postponed", "postpone", "postponement", "delayed", "pushed back", "rescheduled", "put off")
EN_CANCELLED = ("cancelled", "canceled", "called off", "scrapped", "cancel", "cancellation")

# --- event triggers ------------------------------------------------------------------------------

# Arabic imperfect verb stems (after the person prefix ي/ت/ن) and the kind of event they announce; None
# marks a
# generic verb ("تعقد", "يجري") whose kind comes from the noun next to it.
AR_VERB_TRIGGERS: dict[str, str | None] = {
    "زور": "visit", "صل": "visit", "توجه": "visit", "سافر": "visit", "حل ضيفا": "visit", "لتقي": "meeting",
    "جتمع": "meeting", "ستقبل": "meeting", "بحث": "talks", "ناقش": "talks", "تفاوض": "talks",
    "تباحث": "talks", "لقي": "speech", "خاطب": "speech", "صوت": "vote", "قترع": "vote", "نتخب": "election",
    "وقع": "signing", "عقد": None, "نعقد": None, "جري": None, "نظم": None, "ستضيف": None, "شارك": None,
    "حضر": None, "قام": None, "نطلق": None, "بدا": None, "فتتح": None, "ستانف": None, "تراس": None,
    "نتهي": None, "شهد": None, "باشر": None, "شغر": "vacancy",
}
AR_NOUN_TRIGGERS: dict[str, str] = {
    "زياره": "visit", "جوله": "visit", "لقاء": "meeting", "لقاءات": "meeting", "اجتماع": "meeting",
    "اجتماعات": "meeting", "محادثات": "talks", "مباحثات": "talks", "مفاوضات": "talks", "مشاورات": "talks",
    "حوار": "talks", "قمه": "summit", "انتخابات": "election", "اقتراع": "vote", "تصويت": "vote",
    "استفتاء": "vote", "جلسه استماع": "hearing", "جلسه": "session", "جلسات": "session",
    "محاكمه": "hearing", "مؤتمر": "conference", "منتدي": "conference", "ملتقي": "conference",
    "ندوه": "conference", "مهله": "deadline", "موعد نهائي": "deadline", "اضراب": "strike",
    "مظاهره": "protest", "مظاهرات": "protest", "تظاهره": "protest", "احتجاجات": "protest",
    "مسيره": "protest", "حفل": "ceremony", "مراسم": "ceremony", "تنصيب": "ceremony", "مناورات": "exercise",
    "تدريبات": "exercise", "هدنه": "ceasefire", "وقف اطلاق النار": "ceasefire", "توقيع": "signing",
    "كلمه": "speech", "خطاب": "speech", "معرض": "exhibition", "مباراه": "match", "اطلاق": "launch",
    "افتتاح": "opening", "دوره": "session", "مهرجان": "festival", "بدء": "opening", "انطلاق": "opening",
    "انطلاقه": "opening",
    "الحمله الانتخابيه": "campaign", "حمله انتخابيه": "campaign", "جوله مفاوضات": "talks",
    "جوله من المفاوضات": "talks", "جوله محادثات": "talks", "جوله من المحادثات": "talks", "جوله حوار": "talks",
}
EN_VERB_TRIGGERS: dict[str, str | None] = {
    "visit": "visit", "arrive": "visit", "travel": "visit", "tour": "visit", "head": "visit",
    "fly": "visit", "meet": "meeting", "discuss": "talks", "negotiate": "talks", "address": "speech",
    "speak": "speech", "vote": "vote", "sign": "signing", "launch": "launch", "expire": "deadline",
    "testify": "hearing", "hold": None, "host": None, "convene": None, "attend": None, "open": None,
    "begin": None, "start": None, "take place": None, "resume": None, "chair": None, "kick off": None,
    "go ahead": None, "run": None,
}
EN_NOUN_TRIGGERS: dict[str, str] = {
    "visit": "visit", "trip": "visit", "tour": "visit", "meeting": "meeting", "meetings": "meeting",
    "talks": "talks", "negotiations": "talks", "consultations": "talks", "summit": "summit",
    "election": "election", "elections": "election", "polls": "election", "runoff": "election",
    "vote": "vote", "referendum": "vote", "ballot": "vote", "session": "session", "sitting": "session",
    "hearing": "hearing", "trial": "hearing", "deadline": "deadline", "ultimatum": "deadline",
    "conference": "conference", "forum": "conference", "strike": "strike", "protest": "protest",
    "protests": "protest", "rally": "protest", "demonstration": "protest", "ceremony": "ceremony",
    "inauguration": "ceremony", "swearing-in": "ceremony", "speech": "speech", "address": "speech",
    "exercise": "exercise", "exercises": "exercise", "drills": "exercise", "ceasefire": "ceasefire",
    "truce": "ceasefire", "signing": "signing", "launch": "launch", "exhibition": "exhibition",
    "festival": "festival", "match": "match", "debate": "session", "sworn in": "ceremony",
    "campaign": "campaign", "round of talks": "talks",
}
# Kinds that one visit can contain: a visit's meetings and talks are the same real-world event.
VISIT_KINDS = frozenset({"visit", "meeting", "talks"})
# Kinds one real-world event may be named by: a visit and its meetings, a trial and its session, a vote and
# the election.
KIND_FAMILY: dict[str, str] = {
    "vote": "election",
    "election": "election",
    "hearing": "hearing",
    "session": "hearing",
    **{k: "visit" for k in VISIT_KINDS},
}
# Gatherings of one body: an organisation's "talks" ("the Council discusses") and its "session" are one.
GATHERING_KINDS = frozenset({"meeting", "talks", "session", "hearing", "summit", "conference"})

# Follow-up sentences that point back to an event already announced.
AR_BACK_REFERENCE = (
    "خلال زيارته", "خلال زيارتها", "خلال زيارتهم", "خلال الزياره", "خلال هذه الزياره", "خلال جولته",
    "خلال جولتها", "خلال الجوله", "علي هامش", "في اطار زيارته", "في اطار الزياره", "الزياره التي",
    "زيارته التي", "زيارتها التي", "خلال اللقاء", "خلال الاجتماع", "خلال القمه", "خلال المحادثات",
    "خلال المباحثات", "خلال المؤتمر", "وتستغرق الزياره", "وتستمر الزياره", "الزياره ستستغرق",
    "وتاتي الزياره", "وتاتي زياره",
)
EN_BACK_REFERENCE = (
    "during his visit", "during her visit", "during their visit", "during the visit", "during the trip",
    "during his trip", "during her trip", "on the sidelines", "while in", "the visit will",
    "the trip will", "the talks will", "the summit will", "the meeting will", "during the talks",
    "during the summit", "during the meeting", "the visit is", "the trip is", "during his stay",
    "during the conference",
)

# Verbs that give the end of an event already announced («تستمر الزيارة حتى الأربعاء», "will run until").
AR_CONTINUATION = (
    "تستمر", "يستمر", "تتواصل", "يتواصل", "تمتد", "يمتد", "تختتم", "يختتم", "تستغرق", "يستغرق", "ستستمر",
    "سيستمر", "ستتواصل", "ستمتد", "ستختتم", "سيختتم",
)
EN_CONTINUATION = (
    "last", "lasts", "will last", "continue", "continues", "run until", "runs until", "will run", "end on",
    "ends on", "wrap up", "conclude", "concludes", "stay until", "stays until",
)

# Purpose phrases: where the "why" of an event starts.
AR_PURPOSE = (
    "لاجراء", "لبحث", "لمناقشه", "للتباحث", "لعقد", "لتوقيع", "للمشاركه", "لحضور", "لتعزيز", "لمتابعه",
    "من اجل", "بهدف", "بغيه", "سعيا ل", "لاطلاق", "للقاء", "لاستكمال", "للتفاوض", "للتشاور", "لتقديم",
    "لاستئناف", "في محاوله",
)
EN_PURPOSE = (
    "to discuss", "to hold", "for talks", "to attend", "to sign", "aimed at", "in order to", "to meet",
    "to review", "to negotiate", "for a meeting", "to press", "to push", "to launch", "to address",
    "to take part", "to participate", "to resume", "for consultations", "on ways to",
)
# Places a `where` may name when the actor extractor found none (capitals and cities in the news of the
# region).
AR_PLACES = (
    "دمشق", "بيروت", "بغداد", "عمان", "القاهره", "الرياض", "الدوحه", "ابوظبي", "دبي", "مسقط", "الكويت",
    "المنامه", "صنعاء", "عدن", "طهران", "انقره", "اسطنبول", "القدس", "غزه", "رام الله", "تل ابيب",
    "الخرطوم", "طرابلس", "تونس", "الجزائر", "الرباط", "نواكشوط", "جنيف", "نيويورك", "واشنطن", "موسكو",
    "باريس", "لندن", "برلين", "بروكسل", "فيينا", "استانا", "سوتشي", "شرم الشيخ", "العقبه", "جده", "مكه",
    "اربيل", "حلب", "حمص", "ادلب", "الموصل", "البصره", "اللاذقيه", "بنغازي", "الدار البيضاء", "مراكش",
    "وهران", "بكين", "نيودلهي", "روما", "مدريد", "اثينا", "نيقوسيا", "الاسكندريه", "العلمين", "الاقصر",
    "اسوان", "النجف", "كربلاء",
)
EN_PLACES = (
    "damascus", "beirut", "baghdad", "amman", "cairo", "riyadh", "doha", "abu dhabi", "dubai", "muscat",
    "kuwait city", "manama", "sanaa", "aden", "tehran", "ankara", "istanbul", "jerusalem", "gaza",
    "ramallah", "tel aviv", "khartoum", "tripoli", "tunis", "algiers", "rabat", "geneva", "new york",
    "washington", "moscow", "paris", "london", "berlin", "brussels", "vienna", "astana", "sochi",
    "sharm el-sheikh", "aqaba", "jeddah", "erbil", "aleppo", "homs", "idlib", "mosul", "basra", "benghazi",
    "casablanca", "beijing", "new delhi", "rome", "madrid", "athens", "nicosia", "alexandria", "davos",
    "brussels", "the hague", "munich", "oslo",
)
# fmt: on
