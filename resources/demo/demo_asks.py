# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scripted interventions, meetings and reply wording of Vigil's fictional demo data.

The storylines a caseworker would recognise (joint statements on anniversaries, releases
after private démarches, follow-ups gone overdue) are written out here; generate.py fills in
the routine asks around them. All wording is invented. Plain data, no I/O.
"""

SPOKESPERSON = (
    "China is a country governed by the rule of law. The cases mentioned are handled by the "
    "judicial authorities in accordance with the law, and the lawful rights of the persons "
    "concerned are fully protected. We firmly oppose any interference in China's internal "
    "affairs under the pretext of human rights."
)

# Replies by kind; {name}, {facility} and {location} are filled in for single-case asks.
REPLIES = {
    "internal_affair": [
        SPOKESPERSON,
        "中方坚决反对任何国家以人权为借口干涉中国内政和司法主权。",
        "This is purely China's internal affair. The judicial authorities handle cases "
        "independently according to law.",
        "There are no so-called 'human-rights defenders' in China, only lawbreakers. We urge "
        "the side concerned to respect China's judicial sovereignty.",
        "Counterpart said the case was 'an internal judicial matter' and declined to discuss "
        "it further.",
    ],
    "denied": [
        "Counterpart refused to discuss individual cases and moved to the next item.",
        "Request for a family visit refused as 'not in accordance with regulations'.",
        "Request rejected; counterpart said the list of names was 'based on rumours'.",
    ],
    "acknowledged": [
        "Counterpart took note of the list and said it would be passed to the competent "
        "authorities.",
        "Noted, with no substantive reply. Counterpart asked that the exchange not be made "
        "public.",
        "收到，将转交有关部门。(Received; will be passed to the relevant departments.)",
    ],
    "information_provided": [
        "Counterpart said {name} is held at {facility} and is 'in good health'; no date was "
        "given for a family visit.",
        "Written reply: the case of {name} is 'at the investigation stage' and the lawyer's "
        "request will be 'handled according to law'.",
        "Counterpart confirmed that {name} is in {location} but gave no details of charges.",
        "Counterpart said a medical examination had found 'no serious illness'.",
    ],
    "promise": [
        "Counterpart undertook to 'look into' the request and reply through the embassy.",
        "Counterpart promised to check whether a family visit could be arranged 'in due "
        "course'.",
        "Counterpart promised to pass the request for medical care to the prison "
        "administration.",
    ],
}

# Replies when consular access was asked for a foreign national.
CONSULAR_DENIED = (
    "Consular access refused: counterpart repeated that {name} 'is a Chinese citizen' and "
    "that the case is 'entirely within China's jurisdiction'."
)

NOTES = [
    "Raised at the end of a wider meeting on trade; counterpart read from prepared notes.",
    "List of names handed over in writing, in English and Chinese.",
    "Co-ordinated with EU partners beforehand.",
    "Names read out in Mandarin by the interpreter.",
    "Readout published by the ministry mentions 'individual cases' without names.",
]

PUBLIC_READOUT = "Readout published afterwards names the cases raised."

# Interventions written out in full; `by`/`with` name an official (or, prefixed "org:",
# an organisation) by its key in demo_actors; `encounter` the encounter (demo_encounters)
# an ask was made at.
SCRIPTED_ASKS = [
    dict(label="ke-release", date="2024-02-20", by="se-amb", with_="cn-dg-eu",
         channel="bilateral_meeting", public=False, requests=["release", "lawyer_access"],
         response="released", response_date="2024-03-08",
         response_text="Ke Ruoxi was released without charge on 8 March 2024. Counterpart "
                       "insisted the release was 'unrelated to foreign representations'.",
         cases=["ke-ruoxi"]),
    dict(label="lu-family-private", date="2024-06-12", by="de-amb", with_="cn-dg-eu",
         channel="bilateral_meeting", public=False,
         requests=["stop_family_harassment", "other"], response="acknowledged",
         response_date="2024-06-12",
         response_text="Counterpart 'took note' and asked that the matter stay private.",
         cases=["lu-wenhao"],
         notes="Raised privately at his request; not to be mentioned in any readout."),
    dict(label="wgad-opinion-mehmutjan", date="2024-05-30", by="org:un", with_="org:cn-geneva",
         channel="public_statement", public=True, requests=["release", "family_access"],
         response="internal_affair", response_date="2024-06-03",
         response_text="The Working Group's opinion relies on false information provided by "
                       "anti-China forces. The person concerned was sentenced according to "
                       "law for crimes of separatism.",
         cases=["mehmutjan-abdurehim"],
         notes="Opinion of the Working Group finding the detention arbitrary (fictional "
               "opinion no. 18/2024)."),
    dict(label="joint-2024-07", date="2024-07-09", by="org:de", channel="joint_statement",
         public=True, requests=["release", "lawyer_access", "family_access",
                                "stop_family_harassment"],
         response="internal_affair", response_date="2024-07-10", response_text=SPOKESPERSON,
         cases=["zhao-mingze", "ren-guohua", "fang-jingyi", "huang-zhiqiang", "xu-anran",
                "guo-pengfei", "gulnar-tursun", "qiu-wenbo", "mehmutjan-abdurehim",
                "liang-meiling", "mak-chi-keung"],
         notes="Joint statement on the ninth anniversary of the July 2015 crackdown on "
               "human-rights lawyers, led by Germany and co-signed by the United Kingdom, "
               "France, Sweden, Canada, Australia, the Netherlands and the United States."),
    dict(label="mak-release", date="2024-10-30", by="gb-amb", with_="cn-dg-eu",
         channel="bilateral_meeting", public=False, requests=["release", "family_access"],
         response="released", response_date="2024-11-15",
         response_text="Mak Chi-keung was released on 15 November 2024 at the end of his "
                       "sentence; no exit restrictions were imposed.",
         cases=["mak-chi-keung"]),
    dict(label="guo-medical-parole", date="2024-11-05", by="us-spox",
         channel="press_conference", public=True, requests=["medical_care", "release"],
         response="internal_affair", response_date="2024-11-06",
         response_text="The prison authorities provide timely medical treatment to inmates "
                       "in accordance with law. The US should stop smearing China's judicial "
                       "system.",
         cases=["guo-pengfei"]),
    dict(label="ma-release", date="2024-11-19", by="us-amb", with_="org:cn-mfa",
         channel="demarche", public=False, requests=["release"],
         response="released", response_date="2024-12-06",
         response_text="Ma Qiuping was released on bail pending trial on 6 December 2024.",
         cases=["ma-qiuping"]),
    dict(label="guo-death", date="2025-02-19", by="us-spox", channel="public_statement",
         public=True, requests=["other"], response="internal_affair",
         response_date="2025-02-20",
         response_text="The person concerned died of illness after receiving active treatment "
                       "in accordance with law. We oppose the politicisation of this matter.",
         cases=["guo-pengfei"],
         notes="Calls for an independent investigation into his death in custody and for his "
               "family to be left in peace."),
    dict(label="joint-hrc60", date="2025-09-24", by="nl-hra", with_="org:cn-geneva",
         channel="joint_statement", public=True,
         requests=["release", "whereabouts", "consular_access", "family_access"],
         response="internal_affair", response_date="2025-09-24",
         response_text="The so-called joint statement is full of lies and disinformation. "
                       "China firmly rejects it.",
         cases=["zhao-mingze", "ren-guohua", "gulnar-tursun", "mehmutjan-abdurehim",
                "qiu-wenbo", "liang-meiling", "grace-lu", "huang-zhiqiang", "xu-anran",
                "tang-ka-fai", "yan-shoucheng", "fang-jingyi"],
         notes="Delivered at the 60th session of the UN Human Rights Council on behalf of 21 "
               "states.", encounter="hrc-60"),
    dict(label="deng-release", date="2025-09-30", by="nl-amb", with_="cn-dg-eu",
         channel="bilateral_meeting", public=False, requests=["release"],
         response="released", response_date="2025-10-20",
         response_text="Deng Xiaoyu was released on bail pending trial on 20 October 2025.",
         cases=["deng-xiaoyu"]),
    dict(label="joint-2026-07", date="2026-07-09", by="org:gb", channel="joint_statement",
         public=True, requests=["release", "lawyer_access", "whereabouts", "fair_trial"],
         response="internal_affair", response_date="2026-07-10", response_text=SPOKESPERSON,
         cases=["zhao-mingze", "sun-yaqin", "ren-guohua", "fang-jingyi", "huang-zhiqiang",
                "han-yutong", "wu-haiyang", "tian-jianguo", "wei-zhengrong", "yan-shoucheng",
                "xu-anran", "qiu-wenbo"],
         notes="Joint statement on the eleventh anniversary of the crackdown on lawyers, led "
               "by the United Kingdom and co-signed by 14 governments."),
    dict(label="lobsang-private", date="2026-07-15", by="us-drl", with_="cn-ddg-na",
         channel="bilateral_meeting", public=False, requests=["lawyer_access", "fair_trial"],
         response="denied", response_date="2026-07-15",
         response_text="Counterpart said the case concerns 'separatist crimes' and refused "
                       "to discuss it.",
         cases=["lobsang-chodrak"],
         notes="Private only, at the monastery's request."),
    dict(label="grace-verdict", date="2026-08-20", by="au-amb", with_="cn-ddg-na",
         channel="bilateral_meeting", public=False, requests=["consular_access", "fair_trial"],
         response="promise", response_date="2026-08-20",
         response_text="Counterpart said the verdict would be delivered 'soon' and that "
                       "consular officers would be told in advance.",
         follow_up_due="2026-10-01", cases=["grace-lu"]),
    dict(label="liang-medical", date="2026-09-10", by="ca-amb", with_="org:cn-mfa",
         channel="demarche", public=False, requests=["medical_care", "consular_access"],
         response="acknowledged", response_date="2026-09-24",
         response_text="Note verbale acknowledged; no substantive reply.",
         follow_up_due="2026-10-15", cases=["liang-meiling"]),
    dict(label="de-lawyers-letter", date="2026-10-20", by="de-amb", with_="cn-amb-de",
         channel="letter", public=False, requests=["lawyer_access", "family_access"],
         response="none", follow_up_due="2026-11-20",
         cases=["sun-yaqin", "peng-xiaodong", "ji-chunlin"]),
]

# EU statements on Human Rights Day (10 December).
HUMAN_RIGHTS_DAY = [
    ("2023-12-10", ["zhao-mingze", "qiu-wenbo", "mehmutjan-abdurehim", "huang-zhiqiang",
                    "xu-anran", "ke-ruoxi", "guo-pengfei", "gulnar-tursun"], "none"),
    ("2024-12-10", ["zhao-mingze", "qiu-wenbo", "mehmutjan-abdurehim", "ren-guohua",
                    "huang-zhiqiang", "xu-anran", "grace-lu", "tang-ka-fai", "guo-pengfei"],
     "internal_affair"),
    ("2025-12-10", ["zhao-mingze", "qiu-wenbo", "mehmutjan-abdurehim", "ren-guohua",
                    "huang-zhiqiang", "xu-anran", "grace-lu", "tang-ka-fai", "liang-meiling",
                    "yan-shoucheng"], "internal_affair"),
]

# Government–China meetings we did not attend, logged from the government's readout: one ask
# per case (key, requests, response, reply), raised by the government's official `by` with
# the detaining state's `with_`, made at the `encounter` (demo_encounters) when it has one.
# Their labels keep the "meeting/" prefix, so the asks' ids and notes stay as they were.
READOUTS = [
    dict(key="eu-dialogue-2025", title="EU–China Human Rights Dialogue", date="2025-06-17",
         by="eu-eusr", with_="cn-dg-io", encounter="eu-hrd-2025",
         cases=[
             ("qiu-wenbo", ["consular_access", "release"], "denied",
              "Consular access refused: 'Qiu Wenbo is a Chinese citizen'."),
             ("mehmutjan-abdurehim", ["proof_of_life", "family_access"], "internal_affair",
              "Counterpart said the sentence was 'lawful and final'."),
             ("zhao-mingze", ["medical_care", "family_access"], "information_provided",
              "Counterpart said he had been examined in May and is 'in stable health'."),
             ("huang-zhiqiang", ["whereabouts", "release"], "acknowledged",
              "Counterpart said it would 'verify the information'."),
             ("xu-anran", ["medical_care"], "promise",
              "Counterpart promised to pass the request to the prison administration."),
         ]),
    dict(key="de-commissioner-2026", title="Human Rights Commissioner meets the PRC Ambassador",
         date="2026-03-24", by="de-hrc", with_="cn-amb-de",
         cases=[
             ("sun-yaqin", ["lawyer_access", "family_access"], "internal_affair",
              "Ambassador said the case is 'handled according to law'."),
             ("zhao-mingze", ["family_access", "medical_care"], "acknowledged",
              "Ambassador agreed to 'convey' the request."),
             ("fang-jingyi", ["end_exit_ban"], "denied",
              "Ambassador refused to discuss 'the travel arrangements of Chinese citizens'."),
             ("mehmutjan-abdurehim", ["proof_of_life"], "none", None),
         ]),
    dict(key="se-ambassador-2026", title="Swedish Ambassador at the Department of European "
         "Affairs", date="2026-10-14", by="se-amb", with_="cn-dg-eu",
         follow_up_due="2026-12-15",
         cases=[
             ("qiu-wenbo", ["consular_access", "medical_care"], "promise",
              "Director-General promised to 'study' a consular visit."),
             ("han-yutong", ["whereabouts", "lawyer_access"], "information_provided",
              "Counterpart said she is 'under lawful investigation' in Beijing; no charges "
              "given."),
         ]),
]

# Our organisation's meetings with a government or body (DESIGN.md section 3): only that
# government's officials, the cases we ask it to raise, our ask and talking points for each
# (key, ask, talking points). Recording a meeting's outcome in the app makes asks raised by
# our organisation; the held ones here have an outcome text only.
MEETINGS = [
    dict(key="eu-dialogue-2025",
         title="Briefing the EU Special Representative before the Human Rights Dialogue",
         starts_at="2025-06-05T11:00:00+02:00",
         location="European External Action Service, Brussels", org="eu",
         officials=["eu-eusr"], status="held",
         agenda="The 40th EU–China Human Rights Dialogue on 17 June: individual cases are "
                "session 3. We ask the EU to raise five names orally and to hand over our "
                "written list beforehand.",
         outcome="The Special Representative agreed to raise all five cases in session 3 and "
                 "to put Qiu Wenbo's consular access first. The written list goes over with "
                 "the EU's own. Her office will brief us after the dialogue.",
         cases=[
             ("qiu-wenbo", "Consular access and release on medical grounds.",
              "Swedish citizen; no consular visit since 2017. Sight loss reported in 2025."),
             ("mehmutjan-abdurehim", "Proof of life and a family call.",
              "Life sentence after a secret trial; daughter in Germany has had no contact."),
             ("zhao-mingze", "Independent medical examination; family visits resumed.",
              "No family visit since March 2024; weight loss and memory problems."),
             ("huang-zhiqiang", "Whereabouts; release, as his sentence ended in August 2024.",
              "Held past the end of his sentence: ask on what legal basis."),
             ("xu-anran", "Adequate medical care after the hunger strike.",
              "Weight under 40 kg reported; family visits irregular."),
         ]),
    dict(key="de-commissioner-2026",
         title="Briefing the Human Rights Commissioner before he meets the PRC Ambassador",
         starts_at="2026-03-20T11:00:00+01:00", location="Federal Foreign Office, Berlin",
         org="de", officials=["de-hrc"], status="held",
         agenda="The Commissioner sees the PRC Ambassador on 24 March; human-rights cases are "
                "the second item. Sun Yaqin first.",
         outcome="The Commissioner agreed to raise all four cases with the Ambassador and to "
                 "ask for family visits to Zhao Mingze. He will not mention the exit ban on "
                 "Fang Jingyi in public. His office will send us a readout.",
         cases=[
             ("sun-yaqin", "Immediate access to her chosen lawyers; family contact.",
              "RSDL since 14 March; lawyers refused on 'state security' grounds. Asthma."),
             ("zhao-mingze", "Family visits resumed; independent medical examination.",
              "Twelve-year sentence; health worsening."),
             ("fang-jingyi", "Lift the exit ban.",
              "Exit-banned since February 2020 with no legal basis given."),
             ("mehmutjan-abdurehim", "Proof of life.",
              "Daughter lives in Munich; no contact since 2017."),
         ]),
    dict(key="se-ambassador-2026",
         title="Call with the Swedish Ambassador before her meeting at the Ministry of "
               "Foreign Affairs", starts_at="2026-10-08T09:00:00+02:00",
         location="Video call with the Embassy of Sweden, Beijing", org="se",
         officials=["se-amb", "se-cons"], status="held",
         agenda="The Ambassador sees the Department of European Affairs on 14 October. "
                "Consular matters: Qiu Wenbo. Other concerns: Han Yutong.",
         outcome="The Ambassador will ask for a consular visit to Qiu Wenbo before the end of "
                 "the year and for eye treatment, and will ask where Han Yutong is held. The "
                 "consular section reports back to us by 15 December.",
         cases=[
             ("qiu-wenbo", "Consular visit before the end of 2026; eye treatment.",
              "Release due October 2027; sight loss must be treated now."),
             ("han-yutong", "Confirm her whereabouts and allow a lawyer.",
              "Held incommunicado since 16 May 2026."),
         ]),
    dict(key="gb-minister-2026",
         title="Briefing the Minister for the Indo-Pacific before the strategic dialogue in "
               "Beijing", starts_at="2026-12-07T10:00:00+00:00",
         location="Foreign, Commonwealth & Development Office, London", org="gb",
         officials=["gb-min", "gb-amb"], status="planned",
         agenda="The minister meets Vice Minister Zhou in Beijing on 9 December; human rights "
                "are in the restricted session. We ask him to raise five names and hand over "
                "our list in writing. The Ambassador joins by video.",
         cases=[
             ("tang-ka-fai", "Release; family visits in the meantime.",
              "Hong Kong bookseller; six years for selling books. Back condition."),
             ("huang-zhiqiang", "Legal basis for holding him after 15 August 2024; release.",
              "Over two years past the end of his sentence."),
             ("sun-yaqin", "End RSDL; lawyer of her choice.",
              "RSDL beyond six months, the legal maximum."),
             ("xu-anran", "Release on 20 December without restrictions.",
              "Due for release eleven days after the dialogue; watch for 'deprivation of "
              "political rights' used as house arrest."),
             ("yan-shoucheng", "Medical care for Parkinson's disease; lawyer access.",
              "Aged 68; medication supply irregular."),
         ]),
    dict(key="ca-consultations-2027",
         title="Briefing Global Affairs Canada before the consular consultations with China",
         starts_at="2027-01-13T10:00:00-05:00", location="Global Affairs Canada, Ottawa",
         org="ca", officials=["ca-ps"], status="planned",
         agenda="The annual Canada–China consular consultations are on 20 January. "
                "Dual-nationality questions; we ask that Liang Meiling come first.",
         cases=[
             ("liang-meiling", "Regular consular visits; medical parole.",
              "Canadian citizen; one consular visit in two and a half years. Fainting "
              "episodes reported."),
             ("han-yutong", "Whereabouts and access to a lawyer.",
              "Incommunicado since May 2026."),
             ("wei-zhengrong", "Fair trial; release.",
              "House-church elder; trial adjourned in October 2026."),
             ("wu-haiyang", "Release; lawyer access.",
              "Labour organiser arrested April 2026."),
             ("peng-xiaodong", "Lawyer access; release.",
              "Lawyer detained for speaking about a client's trial."),
         ]),
]
