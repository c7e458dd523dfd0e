"""Provides function-word lists (normalized forms) for Arabic and English, used to weigh content words."""

from __future__ import annotations

AR = frozenset(
    """في من الي علي عن مع ان ان او و ثم قد لقد كان كانت يكون تكون هذا هذه ذلك تلك التي الذي الذين اللذين
    هو هي هم هما نحن انا انت كل بعض غير بين خلال حول عند لدي منذ حتي بعد قبل اذا اذ لم لن لا ما ماذا
    كما ايضا اي اية وقد وكان وكانت وان وهو وهي ولا الا اما فيما فيها فيه منه منها عليه عليها اليه لها له
    لهم بها به بين وذلك حيث الذي والتي اليوم امس غدا يوم قال قالت واضاف واضافت اضاف مشيرا مؤكدا وفق
    ضمن دون نحو لدى لكن لكنه بل هناك هنا جدا مثل سوف قبل عبر اكثر اقل""".split()
)

EN = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have had
    do does did will would shall should can could may might must that this these those it its he she they
    them his her their we our you your i me my not no yes so than then there here which who whom whose what
    when where why how all any each both few more most other some such only own same too very just also
    into over under about after before during between through up down out off again further once said says
    told according""".split()
)
