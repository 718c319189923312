# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Officials of the detaining state responsible for detentions in Vigil's fictional demo data,
and their involvements in the cases.

Every official here is invented, and so are their identifiers, posts and sanctions
designations; no real person was listed under any regime for anything written here. The
organisations are real only as kinds of institution. The storylines are chosen so that a
referral shows its safety rules: one claim rests on a confidential source only, one official
is involved in a do-not-raise case, others in private-only cases. Plain data, no I/O.
"""

# key, name (Latin), organisation key, title, and the interchange v2 details. Positions are
# (organisation key, title, start, end); identifiers (kind, value, note); sanctions
# (regime, listed on, reference); other names (name, BCP 47 script tag).
RESPONSIBLE = [
    dict(key="hao-jianxin", name="Hao Jianxin", name_original="郝建新",
         other_names=[("Hǎo Jiànxīn", "zh-Latn-pinyin")], gender="male", birth_year=1971,
         org="cn-bj-ssb", title="Deputy Director", level="senior_official", country="CN",
         notes="Led or signed off state-security detentions of lawyers, scholars and foreign "
               "nationals in Beijing over a decade. Not designated under any regime.",
         identifiers=[
             ("Warrant card number", "110347",
              "Shown to Zhao Mingze's first lawyer at the police station in August 2016, "
              "as reported in the news at the time."),
             ("Signatory of an RSDL decision", "Jing Guo An Jian Ju (2024) No. 0816",
              "Named as the approving officer on the RSDL decision shown to Australian "
              "consular officers (DFAT statement, August 2024)."),
         ],
         positions=[("cn-bj-ssb", "Section Chief, First Investigation Division", "2009~",
                     "2015"),
                    ("cn-bj-ssb", "Head, First Investigation Division", "2015", "2020-06"),
                    ("cn-bj-ssb", "Deputy Director", "2020-07", None)],
         sanctions=[]),
    dict(key="bai-zhenhua", name="Bai Zhenhua", name_original="白振华",
         other_names=[("白振華", "zh-Hant"), ("Bái Zhènhuá", "zh-Latn-pinyin")],
         gender="male", birth_year=1966, org="cn-tj-proc", title="Deputy Procurator-General",
         level="senior_official", country="CN", notes=None,
         identifiers=[
             ("Indictment signed", "Jin Jian Er Fen Yuan Xing Su (2018) No. 61",
              "Named as the prosecuting procurator in the criminal judgment against Zhao "
              "Mingze (court document held by the family)."),
         ],
         positions=[("cn-tj-proc", "Procurator, Public Prosecution Division", "2012",
                     "2019-02"),
                    ("cn-tj-proc", "Deputy Procurator-General", "2019-03", None)],
         sanctions=[]),
    dict(key="qu-lihong", name="Qu Lihong", name_original="曲丽红",
         other_names=[("曲麗紅", "zh-Hant"), ("Qū Lìhóng", "zh-Latn-pinyin")],
         gender="female", birth_year=1972, org="cn-tj-court", title="Vice-President",
         level="senior_official", country="CN", notes=None,
         identifiers=[
             ("Presiding judge of", "(2018) Jin 02 Xing Chu No. 117",
              "Named on the criminal judgment; copy obtained by the family."),
         ],
         positions=[("cn-tj-court", "Presiding Judge, First Criminal Division", "2010",
                     "2021-05"),
                    ("cn-tj-court", "Vice-President", "2021-06", None)],
         sanctions=[("us-glomag", "2025-12-10",
                     "Fictional demo designation; no real listing")]),
    dict(key="geng-baolin", name="Geng Baolin", name_original="耿宝林",
         other_names=[("耿寶林", "zh-Hant"), ("Gěng Bǎolín", "zh-Latn-pinyin")],
         gender="male", birth_year=1969, org="cn-tj-prison", title="Warden",
         level="official", country="CN", notes=None,
         identifiers=[
             ("Name on a visit refusal", "Binhai Prison notice of 12 March 2024",
              "His name and seal on the prison's notice refusing a family visit, as quoted "
              "in the criminal case file's execution records."),
         ],
         positions=[("cn-tj-prison", "Deputy Warden", "2017", "2022-01"),
                    ("cn-tj-prison", "Warden", "2022-02", None)],
         sanctions=[]),
    dict(key="abduqadir-rozi", name="Abduqadir Rozi", name_original="ئابدۇقادىر روزى",
         other_names=[("Abduqadir Rozi", "ug-Latn"), ("Абдуқадир Рози", "ug-Cyrl"),
                      ("阿不都卡地尔·肉孜", "zh-Hans")],
         gender="male", birth_year=1970, org="cn-xj-prisons", title="Deputy Director",
         level="senior_official", country="CN",
         notes="Uyghur. Ran the prefecture's police during the mass detentions of 2017–2021.",
         identifiers=[
             ("Police number", "650103",
              "Printed on a 2018 detention notice reproduced in the 2022 edition of the "
              "Uyghur family testimonies (NGO report)."),
             ("Official listing", "Kashgar Prefecture government notice No. 47 (2019)",
              "Names him as Director of the Public Security Bureau; archived copy "
              "(fictional)."),
         ],
         positions=[("cn-ks-psb", "Deputy Director", "2014", "2017-05"),
                    ("cn-ks-psb", "Director", "2017-06", "2021-12"),
                    ("cn-xj-prisons", "Deputy Director", "2022-01", None)],
         sanctions=[("us-glomag", "2023-12-08",
                     "Fictional demo designation; no real listing"),
                    ("ca-sema", "2024-03-22",
                     "Fictional demo designation; no real listing")]),
    dict(key="lin-guowei", name="Lin Guowei", name_original="林国伟",
         other_names=[("林國偉", "zh-Hant"), ("Lín Guówěi", "zh-Latn-pinyin"),
                      ("Lam Kwok-wai", "yue-Latn")],
         gender="male", birth_year=1975, org="cn-gz-psb",
         title="Head, Domestic Security Protection Division", level="official", country="CN",
         notes=None,
         identifiers=[
             ("Police number", "044718",
              "Given by the officer himself to Sun Yaqin's lawyers at the station, April "
              "2026 (lawyers' statement)."),
         ],
         positions=[("cn-gz-psb", "Deputy Head, Domestic Security Protection Division",
                     "2016", "2021-08"),
                    ("cn-gz-psb", "Head, Domestic Security Protection Division", "2021-09",
                     None)],
         sanctions=[]),
    dict(key="zhuang-yiming", name="Zhuang Yiming", name_original="庄逸明",
         other_names=[("莊逸明", "zh-Hant"), ("Zhuāng Yìmíng", "zh-Latn-pinyin")],
         gender="male", birth_year=1977, org="cn-nb-court", title="Presiding Judge",
         level="official", country="CN", notes=None,
         identifiers=[
             ("Presiding judge of", "(2020) Zhe 02 Xing Chu No. 204",
              "Named in the court's announcement of the verdict."),
         ],
         positions=[("cn-nb-court", "Presiding Judge, Criminal Division", "2016", None)],
         sanctions=[]),
    dict(key="tsering-dhondup", name="Tsering Dhondup", name_original="ཚེ་རིང་དོན་གྲུབ",
         other_names=[("Tsering Dhondup", "bo-Latn"), ("泽仁顿珠", "zh-Hans")],
         gender="male", birth_year=1979, org="cn-aba-psb", title="Deputy Director",
         level="official", country="CN", notes="Tibetan.",
         identifiers=[], positions=[("cn-aba-psb", "Deputy Director", "2020", None)],
         sanctions=[]),
]

# (official key, case key, role, date, description, indexes of the case's sources).
# Each claim cites only sources of its own case.
INVOLVEMENTS = [
    # Zhao Mingze: four officials, from the arrest to the prison.
    ("hao-jianxin", "zhao-mingze", "arrested", "2016-08-03",
     "Led the team of about twenty officers who searched the family flat in Beijing, seized "
     "computers and case files and took Zhao Mingze away.", [0, 2]),
    ("hao-jianxin", "zhao-mingze", "interrogated", "2016-08~",
     "Questioned him during residential surveillance at a designated location, in sessions "
     "his wife says lasted through the night.", [2]),
    ("hao-jianxin", "zhao-mingze", "forced_confession", "2017-07-22",
     "Oversaw the recording of the televised 'confession' broadcast by CCTV.", [0]),
    ("bai-zhenhua", "zhao-mingze", "denied_access", "2017-06~",
     "Approved the refusal of the family-appointed lawyers and the imposition of a "
     "state-appointed lawyer.", [2]),
    ("bai-zhenhua", "zhao-mingze", "prosecuted", "2018-08-14",
     "Signed the indictment for subversion of state power and prosecuted the closed trial.",
     [1]),
    ("qu-lihong", "zhao-mingze", "judged", "2019-01-28",
     "Presided over the closed trial of 14 August 2018 and signed the judgment of 28 January "
     "2019: twelve years' imprisonment for subversion of state power.", [1]),
    ("geng-baolin", "zhao-mingze", "prison_authority", "2022-02",
     "Warden of the prison where Zhao Mingze serves his sentence, responsible for his "
     "treatment and medical care.", [1, 2]),
    ("geng-baolin", "zhao-mingze", "denied_access", "2024-03",
     "Stopped family visits after March 2024; his lawyer was turned away at the gate on "
     "10 May 2024.", [2]),
    # The same state-security officer in three later cases.
    ("hao-jianxin", "grace-lu", "ordered_detention", "2024-08-11",
     "Approved her detention at Beijing Capital International Airport and, five days later, "
     "residential surveillance at a designated location.", [0, 1]),
    ("hao-jianxin", "yan-shoucheng", "ordered_detention", "2025-07-04",
     "Approved his detention and residential surveillance on suspicion of leaking state "
     "secrets.", [0, 1]),
    ("hao-jianxin", "han-yutong", "arrested", "2026-05-16",
     "Led the state-security officers who took her from her home; a witness recognised him "
     "from earlier 'talks'.", [0, 1]),
    # Guangzhou: a public case, a released one, a private-only one.
    ("lin-guowei", "ke-ruoxi", "ordered_detention", "2023-09-22",
     "Ordered her criminal detention and kept her beyond the 37-day limit without arrest "
     "approval.", [0]),
    ("lin-guowei", "deng-xiaoyu", "arrested", "2025-05-08",
     "Led the detention of the sanitation workers' advocate.", [1]),
    ("lin-guowei", "sun-yaqin", "ordered_detention", "2026-03-14",
     "Signed the decision placing her under residential surveillance at a designated "
     "location.", [0, 1]),
    ("lin-guowei", "sun-yaqin", "denied_access", "2026-04-08",
     "Refused her two family-appointed lawyers, citing 'state security'.", [1]),
    ("lin-guowei", "sun-yaqin", "surveillance_harassment", "2026-09~",
     "Pressed the landlord to evict her husband and son.", [2]),
    # Xinjiang: a public case, a missing woman, a do-not-raise case.
    ("abduqadir-rozi", "mehmutjan-abdurehim", "ordered_detention", "2017-12~",
     "As Director of the Kashgar Prefecture Public Security Bureau, approved his detention "
     "after a university meeting.", [0]),
    ("abduqadir-rozi", "mehmutjan-abdurehim", "ill_treatment", "2019-06~",
     "Responsible for the facility where a fellow detainee saw him beaten before he was "
     "taken to hospital.", [1]),
    ("abduqadir-rozi", "gulnar-tursun", "surveillance_harassment", "2020-11",
     "His officers visited her family and told her brother to stop his activism abroad.",
     [0]),
    ("abduqadir-rozi", "gulnar-tursun", "ordered_detention", "2021-04~",
     "Her disappearance falls in the detention campaign he directed in Kashgar.", [0, 1]),
    ("abduqadir-rozi", "abdusalam-qurban", "ordered_detention", "2018~",
     "Directed the campaign against 'religious extremism' in which he was detained.", [1]),
    # Qiu Wenbo and Lobsang Chödrak.
    ("zhuang-yiming", "qiu-wenbo", "judged", "2021-02-24",
     "Presided over the closed trial from which Swedish diplomats were barred and sentenced "
     "him to ten years.", [1, 2]),
    ("tsering-dhondup", "lobsang-chodrak", "arrested", "2026-02-14",
     "Approved his formal arrest for inciting separatism.", [1]),
]
