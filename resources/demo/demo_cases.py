# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fictional people of Vigil's demo data: case files, timelines and sources.

Every person, contact detail and source here is invented; any resemblance to a real detainee
is accidental. Phone numbers are unassigned demo numbers and addresses use example.org.
Each case carries an `advocacy` entry that is not exported: it steers which governments
raise the case, from when to when, and what they ask for (generate.py). Plain data, no I/O.
"""

NEWS = "https://news.example.org"
NGO = "https://lantern-rights.example.org"


def src(title, kind, reliability, url=None, confidential=False, notes=None):
    return {"title": title, "kind": kind, "reliability": reliability, "url": url,
            "confidential": confidential, "notes": notes}


def adv(weight, champions=(), start=None, end=None, phases=(), home=None):
    """How governments advocate for the case: `phases` is [(from date, [requests])]."""
    return {"weight": weight, "champions": tuple(champions), "start": start, "end": end,
            "phases": tuple(phases), "home": home}


CHN = ["CN"]
LAWYERS = "lawyers-crackdown"
CONTACT = "CONFIDENTIAL – fictional demo contact details; never share outside the team."

CASES = [
    dict(
        key="zhao-mingze", display_name="Zhao Mingze", name_original="赵明泽",
        other_names=[("趙明澤", "zh-Hant"), ("Zhào Míngzé", "zh-Latn-pinyin")],
        gender="male", birth_year=1974, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer",
        occupation="Lawyer; former partner at a Beijing law firm",
        status="sentenced", status_since="2019-01-28", location="Tianjin",
        facility="Tianjin Binhai Prison (reported)",
        charges=["subversion of state power"],
        sentence="12 years' imprisonment; 4 years' deprivation of political rights",
        sentence_ends="2028-08-02", lawyer_access="denied", family_access="partial",
        consular_access="not_applicable",
        health_concerns="Hypertension; family reports marked weight loss and memory problems "
                        "since 2024.",
        confession={"date": "2017-07-22", "broadcaster": "CCTV"},
        consent="public", sensitivity="normal", priority=1,
        tags=[LAWYERS, "long sentence", "health"],
        summary="Beijing human-rights lawyer who defended petitioners and religious believers. "
                "Detained in August 2016, held under residential surveillance at a designated "
                "location, tried in closed court and sentenced in January 2019 to 12 years for "
                "'subversion of state power'. His family reports serious health concerns.",
        internal_notes=f"{CONTACT}\nWife: Fang Jingyi (also a case in this file). Signal "
                       "+86 139 0000 0417 (demo number). Calls are monitored: never name an "
                       "embassy on the phone.\nLast family visit: 2024-03. Lawyer Mr H. (name "
                       "withheld) was turned away at the prison gate on 2024-05-10.",
        sources=[
            src("Beijing lawyer detained in sweep of rights defenders", "news", "probable",
                f"{NEWS}/2016/08/beijing-lawyer-detained"),
            src("Criminal judgment (2018) Jin 02 Xing Chu No. 117", "court_document",
                "confirmed", notes="Copy obtained by the family; scanned as an attachment."),
            src("Interview with his wife, March 2024", "family", "confirmed",
                confidential=True, notes="Recorded with consent; transcript kept internally."),
        ],
        events=[
            ("2016-08-03", "detained", "Taken from his home in Beijing by state security",
             "About twenty officers searched the flat and seized computers and case files.",
             [0, 2]),
            ("2016-08", "rsdl_began", "Placed under residential surveillance at a designated "
             "location", "The family was notified by post two weeks later.", [2]),
            ("2017-02-12", "arrested", "Formally arrested for subversion of state power", None,
             [0]),
            ("2017-06~", "lawyer_denied", "Family-appointed lawyers refused; a state-appointed "
             "lawyer imposed", None, [2]),
            ("2017-07-22", "confession_broadcast", "Televised 'confession' broadcast by CCTV",
             "The family says the statement was coerced.", [0]),
            ("2018-08-14", "trial", "Closed trial at Tianjin No. 2 Intermediate People's Court",
             None, [1]),
            ("2019-01-28", "sentenced", "Sentenced to 12 years", None, [1]),
            ("2024-05", "health_incident", "Family reports weight loss and memory problems",
             None, [2]),
        ],
        photo=True,
        advocacy=adv(5, ["de", "eu", "us", "gb", "fr"], phases=[
            (None, ["release", "medical_care", "family_access", "lawyer_access"])]),
    ),
    dict(
        key="sun-yaqin", display_name="Sun Yaqin", name_original="孙雅琴",
        other_names=[("孫雅琴", "zh-Hant"), ("Sūn Yǎqín", "zh-Latn-pinyin")],
        gender="female", birth_year=1981, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer",
        occupation="Lawyer (licence suspended in 2024); legal aid for petitioners",
        status="rsdl", status_since="2026-03-14", location="Guangzhou, Guangdong",
        facility="Undisclosed designated location (RSDL), Guangzhou",
        charges=["inciting subversion of state power"],
        lawyer_access="denied", family_access="denied", consular_access="not_applicable",
        health_concerns="Asthma; no confirmation that she has her medication.",
        consent="public", sensitivity="normal", priority=1,
        tags=["RSDL", "lawyer", "RSDL over six months"],
        summary="孙雅琴是广州的人权律师，长期为上访者和宗教信仰者提供法律援助，2024年被吊销"
                "律师执业证。2026年3月14日她被以涉嫌“煽动颠覆国家政权”为由指定居所监视居住，"
                "超过六个月仍未获准会见家属委托的律师。",
        internal_notes="CONFIDENTIAL – fictional demo data. Her husband (name withheld) and son "
                       "left Guangzhou after the landlord was pressured. Contact only through "
                       "the Lantern Rights Network caseworker, never by phone.",
        sources=[
            src("Guangzhou rights lawyer taken from her office", "news", "probable",
                f"{NEWS}/2026/03/guangzhou-lawyer-rsdl"),
            src("Statement by her family-appointed lawyers", "lawyer", "confirmed",
                f"{NGO}/statements/2026-04-sun"),
            src("Call with her husband, September 2026", "family", "confirmed",
                confidential=True),
        ],
        events=[
            ("2024-04", "other", "Lawyer's licence suspended by the provincial justice bureau",
             None, [0]),
            ("2026-03-14", "detained", "Taken from her office in Guangzhou", None, [0, 2]),
            ("2026-03-14", "rsdl_began", "Residential surveillance at a designated location "
             "begins", None, [1]),
            ("2026-03-20", "other", "Family receives an RSDL notice naming 'inciting "
             "subversion of state power'", None, [1]),
            ("2026-04-08", "lawyer_denied", "Two family-appointed lawyers refused access",
             "Told the case 'involves state security'.", [1]),
            ("2026-09~", "family_harassed", "Landlord forced to evict her husband and son",
             None, [2]),
        ],
        photo=True,
        advocacy=adv(5, ["de", "nl", "gb", "eu", "us", "fr"], start="2026-03-16", phases=[
            (None, ["lawyer_access", "family_access", "release", "medical_care"])]),
    ),
    dict(
        key="lu-wenhao", display_name="Lu Wenhao", name_original="陆文浩",
        other_names=[("陸文浩", "zh-Hant"), ("Lù Wénhào", "zh-Latn-pinyin")],
        gender="male", birth_year=1968, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer", occupation="Lawyer (disbarred); land-rights cases",
        status="released_under_surveillance", status_since="2023-01-10",
        location="Zhengzhou, Henan", charges=["inciting subversion of state power"],
        sentence="3 years 6 months", sentence_ends="2023-01-10",
        lawyer_access="not_applicable", family_access="not_applicable",
        consular_access="not_applicable",
        consent="private_only", sensitivity="high", priority=3,
        tags=[LAWYERS, "private advocacy", "surveillance"],
        summary="Henan lawyer who took land-rights and religious-freedom cases. Served three "
                "and a half years for 'inciting subversion of state power' and remains under "
                "close surveillance since his release in January 2023.",
        internal_notes="PRIVATE ADVOCACY ONLY. In December 2023 he asked, through a trusted "
                       "colleague, to be raised only in private meetings; never name him in "
                       f"public statements.\n{CONTACT}\nCousin in Toronto: "
                       "lu.cousin@example.org.",
        sources=[
            src("Zhengzhou lawyer sentenced", "news", "confirmed",
                f"{NEWS}/2021/03/zhengzhou-lawyer-sentenced"),
            src("Message relayed by a former colleague", "interview", "probable",
                confidential=True),
        ],
        events=[
            ("2015-07-11", "other", "Summoned for questioning during the nationwide sweep of "
             "lawyers", None, [1]),
            ("2019-07-11", "detained", "Detained in Zhengzhou", None, [0]),
            ("2019-07-18", "rsdl_began", "Placed under RSDL", None, [0]),
            ("2020-01-15", "arrested", "Formally arrested", None, [0]),
            ("2020-12-02", "trial", "Tried at Zhengzhou Intermediate People's Court", None, [0]),
            ("2021-03", "sentenced", "Sentenced to three years and six months", None, [0]),
            ("2023-01-10", "released", "Released at the end of his sentence; watched at home",
             None, [1]),
            ("2024-08~", "family_harassed", "Daughter refused a passport and questioned",
             None, [1]),
        ],
        photo=True,
        advocacy=adv(1, ["de", "nl"], end="2025-06-30", phases=[
            (None, ["stop_family_harassment", "other"])]),
    ),
    dict(
        key="ren-guohua", display_name="Ren Guohua", name_original="任国华",
        other_names=[("任國華", "zh-Hant"), ("Rèn Guóhuá", "zh-Latn-pinyin")],
        gender="male", birth_year=1979, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer", occupation="Lawyer in Kunming",
        status="missing", status_since="2024-05-17", location="Last seen in Kunming, Yunnan",
        lawyer_access="unknown", family_access="denied", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=1,
        tags=["enforced disappearance", "lawyer"],
        summary="任国华是昆明的人权律师，曾代理多起强拆和宗教信仰案件。2024年5月17日会见"
                "当事人后失踪，当局至今未承认羁押，家属报警均被拒绝立案。",
        internal_notes="CONFIDENTIAL – fictional demo data. The source of the September 2024 "
                       "report is a former detainee now abroad: never cite him, not even in "
                       "private meetings.",
        sources=[
            src("Kunming lawyer missing after client visit", "news", "probable",
                f"{NEWS}/2024/05/kunming-lawyer-missing"),
            src("Urgent appeal: Ren Guohua", "ngo_report", "probable",
                f"{NGO}/appeals/2024-05-ren"),
            src("Account of a former detainee", "interview", "possible", confidential=True),
        ],
        events=[
            ("2024-05-17", "last_seen", "Last seen leaving a detention centre after meeting "
             "a client", None, [0, 1]),
            ("2024-05-20", "other", "Police refuse to register a missing-person report", None,
             [1]),
            ("2024-09~", "other", "Unconfirmed report that state security holds him in "
             "Yunnan", None, [2]),
            ("2025-03-05", "family_harassed", "Wife summoned and told to stop 'contacting "
             "foreign media'", None, [1]),
            ("2026-01", "other", "Authorities tell a foreign embassy he is 'not in any form "
             "of custody'", None, [1]),
        ],
        photo=True,
        advocacy=adv(4, ["us", "au", "un", "gb", "eu"], start="2024-05-22", phases=[
            (None, ["whereabouts", "proof_of_life", "release", "family_access"])]),
    ),
    dict(
        key="peng-xiaodong", display_name="Peng Xiaodong", name_original="彭晓东",
        other_names=[("彭曉東", "zh-Hant"), ("Péng Xiǎodōng", "zh-Latn-pinyin")],
        gender="male", birth_year=1985, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer", occupation="Lawyer in Chengdu",
        status="criminal_detention", status_since="2026-09-21", location="Chengdu, Sichuan",
        facility="Chengdu No. 1 Detention Centre",
        charges=["picking quarrels and provoking trouble"],
        lawyer_access="denied", family_access="partial", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=2, tags=["lawyer", "new case"],
        summary="Chengdu lawyer who represented families of children harmed by a faulty "
                "vaccine batch. Detained on 21 September 2026 for 'picking quarrels and "
                "provoking trouble' after posting about a client's trial.",
        sources=[
            src("Vaccine-case lawyer detained", "news", "probable",
                f"{NEWS}/2026/09/chengdu-lawyer-detained"),
            src("Note from his defence lawyer", "lawyer", "confirmed"),
        ],
        events=[
            ("2026-09-18", "other", "Posts an account of his client's closed hearing", None,
             [0]),
            ("2026-09-21", "detained", "Taken into criminal detention", None, [0, 1]),
            ("2026-10-09", "lawyer_denied", "Family-appointed lawyer refused a visit", None,
             [1]),
        ],
        photo=True,
        advocacy=adv(3, ["fr", "de", "eu", "nl"], start="2026-09-24", phases=[
            (None, ["lawyer_access", "release"])]),
    ),
    dict(
        key="ji-chunlin", display_name="Ji Chunlin", name_original="纪春林",
        other_names=[("紀春林", "zh-Hant"), ("Jì Chūnlín", "zh-Latn-pinyin")],
        gender="male", birth_year=1977, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer", occupation="Lawyer in Tianjin",
        status="rsdl", status_since="2026-10-02", location="Tianjin",
        facility="Undisclosed designated location (RSDL), Tianjin",
        charges=["inciting subversion of state power"],
        lawyer_access="denied", family_access="denied", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=2, tags=["RSDL", "lawyer"],
        summary="纪春林是天津的执业律师，曾代理多起劳动争议和上访案件。2026年10月2日被以"
                "涉嫌“煽动颠覆国家政权”为由指定居所监视居住，律师会见被拒。",
        sources=[
            src("Tianjin lawyer placed under RSDL", "news", "probable",
                f"{NEWS}/2026/10/tianjin-lawyer-rsdl"),
        ],
        events=[
            ("2026-10-02", "detained", "Taken from his home in Tianjin", None, [0]),
            ("2026-10-02", "rsdl_began", "RSDL notice issued", None, [0]),
            ("2026-10-20", "lawyer_denied", "Lawyer told RSDL cases need 'approval'", None,
             [0]),
        ],
        photo=True,
        advocacy=adv(2, ["de", "gb"], start="2026-10-06", phases=[
            (None, ["lawyer_access", "family_access", "release"])]),
    ),
    dict(
        key="fang-jingyi", display_name="Fang Jingyi", name_original="方静怡",
        other_names=[("方靜怡", "zh-Hant"), ("Fāng Jìngyí", "zh-Latn-pinyin")],
        gender="female", birth_year=1978, ethnicity="Han", nationalities=CHN,
        category="family_member", occupation="Accountant; wife of Zhao Mingze",
        status="exit_banned", status_since="2020-02-11", location="Beijing",
        lawyer_access="not_applicable", family_access="not_applicable",
        consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=2, tags=["family", "exit ban"],
        summary="Wife of imprisoned lawyer Zhao Mingze. She has campaigned for his release "
                "since 2016, has been barred from leaving China since February 2020, and "
                "police have pressured her son's school.",
        internal_notes="CONFIDENTIAL – fictional demo data. Contact details: see Zhao Mingze. "
                       "She is willing to be named publicly.",
        sources=[
            src("Lawyer's wife stopped at airport", "news", "confirmed",
                f"{NEWS}/2020/02/lawyer-wife-exit-ban"),
            src("Calls with Fang Jingyi, 2024–2025", "family", "confirmed", confidential=True),
        ],
        events=[
            ("2016-08~", "family_harassed", "Watched at home after her husband's detention",
             None, [1]),
            ("2018-11", "other", "Passport application refused", None, [1]),
            ("2020-02-11", "other", "Stopped at Beijing Capital Airport and told she may not "
             "leave China", None, [0]),
            ("2024-06", "family_harassed", "Son's school told to 'educate' him about his "
             "father", None, [1]),
            ("2025-12-10", "family_harassed", "Kept at home by police on Human Rights Day",
             None, [1]),
        ],
        photo=True,
        advocacy=adv(2, ["de", "us", "eu"], phases=[
            (None, ["end_exit_ban", "stop_family_harassment"])]),
    ),
    dict(
        key="gulnar-tursun", display_name="Gülnar Tursun", name_original="گۈلنار تۇرسۇن",
        other_names=[("Gülnar Tursun", "ug-Latn"), ("Гүлнар Турсун", "ug-Cyrl"),
                     ("古丽娜尔·吐尔逊", "zh-Hans")],
        gender="female", birth_year=1986, ethnicity="Uyghur", nationalities=CHN,
        category="family_member",
        occupation="Pharmacist; sister of a Uyghur activist in the Netherlands",
        status="missing", status_since="2021-04~", location="Last known: Kashgar, Xinjiang",
        lawyer_access="unknown", family_access="denied", consular_access="not_applicable",
        health_concerns="A thyroid condition that needs daily medication.",
        consent="public", sensitivity="normal", priority=2,
        tags=["Uyghur", "family of activist", "transnational repression"],
        summary="Uyghur pharmacist from Kashgar and sister of a Uyghur activist living in the "
                "Netherlands. No one has heard from her since April 2021; her brother believes "
                "she is held in reprisal for his activism abroad.",
        internal_notes=f"{CONTACT}\nBrother: Alimjan Tursun (Utrecht), Signal +31 6 0000 0123 "
                       "(demo number). He consents to public advocacy and asks that his own "
                       "address never appear in statements.",
        sources=[
            src("Testimony of her brother", "family", "confirmed", confidential=True),
            src("Uyghur family testimonies, 2022 edition", "ngo_report", "probable",
                f"{NGO}/reports/uyghur-families-2022"),
            src("Reply of the Chinese authorities as relayed by the Netherlands",
                "official_statement", "doubtful"),
        ],
        events=[
            ("2020-11", "family_harassed", "Police visit the family; brother told to stop his "
             "activism abroad", None, [0]),
            ("2021-04~", "last_seen", "Last video call with her brother", None, [0]),
            ("2022-06", "other", "A relative says she is 'studying'", "A phrase often used for "
             "internment.", [0, 1]),
            ("2024-10-15", "other", "Authorities say she 'lives a normal life' but give no "
             "proof", None, [2]),
        ],
        photo=True,
        advocacy=adv(3, ["nl", "us", "eu", "un", "se"], phases=[
            (None, ["whereabouts", "proof_of_life", "release"])]),
    ),
    dict(
        key="tang-ka-fai", display_name="Tang Ka-fai", name_original="鄧家輝",
        other_names=[("邓家辉", "zh-Hans"), ("Dèng Jiāhuī", "zh-Latn-pinyin"),
                     ("Tang Ka-fai", "yue-Latn")],
        gender="male", birth_year=1963, ethnicity="Han", nationalities=CHN,
        category="bookseller_publisher",
        occupation="Owner of a Mong Kok bookshop selling books on Chinese politics",
        status="sentenced", status_since="2025-06-10", location="Guangdong",
        facility="Shaoguan Prison (reported)", charges=["illegal business operations"],
        sentence="6 years' imprisonment and a fine of 200,000 yuan",
        sentence_ends="2030-09-01", lawyer_access="denied", family_access="partial",
        consular_access="not_applicable",
        health_concerns="Chronic back condition; family worried about unheated cells.",
        confession={"date": "2025-01-19", "broadcaster": "Phoenix TV"},
        consent="public", sensitivity="normal", priority=1,
        tags=["Hong Kong", "bookseller", "televised confession"],
        summary="Hong Kong bookseller whose Mong Kok shop sold books on Chinese politics. "
                "Detained after crossing into Shenzhen in September 2024, shown 'confessing' "
                "on television and sentenced in June 2025 to six years for 'illegal business "
                "operations' for posting books to mainland customers.",
        internal_notes="CONFIDENTIAL – fictional demo data. He also holds a BN(O) passport, "
                       "which China does not recognise; the UK has no consular standing.",
        sources=[
            src("Hong Kong bookseller held at border", "news", "confirmed",
                f"{NEWS}/2024/09/hk-bookseller-held"),
            src("Broadcast of his televised statement", "news", "confirmed",
                f"{NEWS}/2025/01/bookseller-tv-statement"),
            src("Conversation with his daughter", "family", "probable", confidential=True),
        ],
        events=[
            ("2024-09-02", "detained", "Detained at the Lo Wu crossing into Shenzhen", None,
             [0]),
            ("2024-10-10", "arrested", "Formally arrested", None, [0]),
            ("2025-01-19", "confession_broadcast", "Televised 'confession' broadcast", None,
             [1]),
            ("2025-04-22", "trial", "Tried in Shenzhen; family barred from the court", None,
             [2]),
            ("2025-06-10", "sentenced", "Sentenced to six years", None, [0]),
            ("2025-08~", "transferred", "Transferred to a prison in northern Guangdong", None,
             [2]),
        ],
        photo=True,
        advocacy=adv(4, ["gb", "us", "eu", "ca", "au"], start="2024-09-05", phases=[
            (None, ["lawyer_access", "family_access", "release"]),
            ("2025-04-01", ["fair_trial", "release"]),
            ("2025-06-11", ["release", "family_access", "medical_care"])]),
    ),
    dict(
        key="qiu-wenbo", display_name="Qiu Wenbo", name_original="邱文博",
        other_names=[("Qiū Wénbó", "zh-Latn-pinyin"), ("Ch'iu Wen-po", "zh-Latn-wadegile")],
        gender="male", birth_year=1965, ethnicity="Han", nationalities=["SE"],
        category="bookseller_publisher",
        occupation="Publisher and bookseller; Swedish citizen since 1998",
        status="sentenced", status_since="2021-02-24", location="Zhejiang",
        facility="Ningbo Prison (reported)",
        charges=["illegally providing state secrets overseas"],
        sentence="10 years' imprisonment", sentence_ends="2027-10-22",
        lawyer_access="denied", family_access="denied", consular_access="denied",
        health_concerns="Type 2 diabetes; reported loss of sight in his left eye (2025).",
        confession={"date": "2018-02-09", "broadcaster": "CCTV"},
        consent="public", sensitivity="normal", priority=1,
        tags=["foreign national", "consular access", "bookseller", "televised confession"],
        summary="Swedish publisher and bookseller born in Zhejiang. Taken by plainclothes "
                "officers at Xiamen ferry terminal in October 2017, shown 'confessing' on "
                "state television and sentenced in 2021 to ten years for 'illegally providing "
                "state secrets overseas'. Sweden has been refused consular access throughout.",
        internal_notes=f"{CONTACT}\nDaughter in Stockholm: qiu.family@example.org. The "
                       "Swedish desk officer asks to be told before any NGO statement names "
                       "him.",
        sources=[
            src("Swedish publisher missing in Xiamen", "news", "confirmed",
                f"{NEWS}/2017/10/swedish-publisher-missing"),
            src("Statement of the Swedish Ministry for Foreign Affairs on the verdict",
                "official_statement", "confirmed"),
            src("Court announcement, Ningbo Intermediate People's Court",
                "official_statement", "confirmed"),
            src("Letter from his daughter", "family", "probable", confidential=True),
        ],
        events=[
            ("2017-10-23", "abducted", "Taken by plainclothes officers at Xiamen ferry "
             "terminal", None, [0]),
            ("2018-02-09", "confession_broadcast", "Televised 'confession' on CCTV", None, [0]),
            ("2019", "other", "Authorities claim he has 'restored' Chinese nationality", None,
             [1]),
            ("2020-11-17", "trial", "Closed trial in Ningbo; Swedish diplomats refused entry",
             None, [1, 2]),
            ("2021-02-24", "sentenced", "Sentenced to ten years", None, [2]),
            ("2023-05", "transferred", "Transferred to a prison in Zhejiang", None, [3]),
            ("2025-08~", "health_incident", "Reported loss of sight in one eye", None, [3]),
        ],
        photo=True,
        advocacy=adv(6, ["se", "eu", "de", "gb", "us", "nl"], home="se", phases=[
            (None, ["consular_access", "release", "medical_care", "family_access"])]),
    ),
    dict(
        key="mak-chi-keung", display_name="Mak Chi-keung", name_original="麥志強",
        other_names=[("麦志强", "zh-Hans"), ("Mài Zhìqiáng", "zh-Latn-pinyin"),
                     ("Mak Chi-keung", "yue-Latn")],
        gender="male", birth_year=1958, ethnicity="Han", nationalities=CHN,
        category="bookseller_publisher",
        occupation="Warehouse manager for a Hong Kong publisher of political books",
        status="released", status_since="2024-11-15", location="Taipei (since 2025)",
        charges=["illegal business operations"], sentence="3 years",
        sentence_ends="2024-11-14", lawyer_access="not_applicable",
        family_access="not_applicable", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=3,
        tags=["Hong Kong", "bookseller", "released"],
        summary="Warehouse manager for a Hong Kong publisher of political books. Detained in "
                "Dongguan in November 2021 and sentenced to three years for 'illegal business "
                "operations'. Released on 15 November 2024; he moved to Taipei in 2025.",
        sources=[
            src("Publisher's warehouse manager sentenced", "news", "confirmed",
                f"{NEWS}/2023/03/warehouse-manager-sentenced"),
            src("Interview after his release", "interview", "confirmed",
                f"{NEWS}/2025/05/mak-interview"),
        ],
        events=[
            ("2021-11-15", "detained", "Detained in Dongguan while visiting relatives", None,
             [0]),
            ("2022-01", "arrested", "Formally arrested", None, [0]),
            ("2023-03-30", "sentenced", "Sentenced to three years", None, [0]),
            ("2024-11-15", "released", "Released at the end of his sentence", None, [1]),
            ("2025-04", "other", "Leaves for Taipei", None, [1]),
        ],
        photo=True,
        advocacy=adv(2, ["gb", "ca"], end="2024-11-14", phases=[
            (None, ["release", "family_access"])]),
    ),
    dict(
        key="mehmutjan-abdurehim", display_name="Mehmutjan Abdurehim",
        name_original="مەھمۇتجان ئابدۇرەھىم",
        other_names=[("Mehmutjan Abdurehim", "ug-Latn"), ("麦合木提江·阿不都热依木", "zh-Hans")],
        gender="male", birth_year=1969, ethnicity="Uyghur", nationalities=CHN,
        category="scholar", occupation="Professor of classical Uyghur literature, Ürümqi",
        status="sentenced", status_since="2020-12~",
        location="Xinjiang (prison not disclosed)", charges=["separatism"],
        sentence="Life imprisonment", lawyer_access="denied", family_access="denied",
        consular_access="not_applicable",
        health_concerns="Heart condition diagnosed in 2016.",
        consent="public", sensitivity="normal", priority=1,
        tags=["Uyghur", "scholar", "secret trial", "life sentence"],
        summary="Uyghur literary scholar and professor of classical Uyghur literature in "
                "Ürümqi. Disappeared in December 2017; in 2022 the authorities confirmed he "
                "had been sentenced to life imprisonment for 'separatism' in a secret trial. "
                "His daughter in Germany has had no contact with him since.",
        internal_notes=f"{CONTACT}\nDaughter in Munich: reachable only through the Tianya "
                       "Detainee Support Fund.",
        sources=[
            src("Uyghur scholars detained: a list", "ngo_report", "probable",
                f"{NGO}/reports/uyghur-scholars"),
            src("Account of a former fellow detainee", "interview", "possible",
                confidential=True),
            src("Reply of the Chinese government to a UN communication",
                "official_statement", "confirmed"),
        ],
        events=[
            ("2017-12~", "detained", "Disappears after being summoned to a university meeting",
             None, [0]),
            ("2018-03", "other", "Dismissed from his university post", None, [0]),
            ("2019-06~", "health_incident", "Reported taken to hospital from detention", None,
             [1]),
            ("2020-12~", "sentenced", "Sentenced to life imprisonment in a secret trial", None,
             [2]),
            ("2022-09-08", "other", "Authorities confirm the sentence in a reply to UN experts",
             None, [2]),
        ],
        photo=True,
        advocacy=adv(4, ["un", "eu", "de", "us", "gb", "au"], phases=[
            (None, ["release", "proof_of_life", "family_access", "medical_care"])]),
    ),
    dict(
        key="abdusalam-qurban", display_name="Abdusalam Qurban",
        name_original="ئابدۇسالام قۇربان",
        other_names=[("Abdusalam Qurban", "ug-Latn"), ("阿不都沙拉木·库尔班", "zh-Hans")],
        gender="male", birth_year=1955, ethnicity="Uyghur", nationalities=CHN,
        category="religious_practitioner", occupation="Imam of a neighbourhood mosque in Hotan",
        status="sentenced", status_since="2019~", location="Xinjiang",
        charges=["inciting ethnic hatred", "separatism"], sentence="15 years",
        sentence_ends="2033~", lawyer_access="denied", family_access="unknown",
        consular_access="not_applicable",
        consent="do_not_raise", sensitivity="high", priority=3,
        tags=["Uyghur", "do not raise"],
        summary="Uyghur imam from Hotan, sentenced in 2019 to fifteen years. Details are kept "
                "internal at the family's request.",
        internal_notes="DO NOT RAISE. In March 2024 relatives in Hotan asked, through an "
                       "intermediary, that no government or NGO use his name: they were "
                       "questioned after a 2023 mention. Review with the intermediary every "
                       "six months (next: 2026-12).\nCONFIDENTIAL – fictional demo data.",
        sources=[
            src("Message from the intermediary", "family", "probable", confidential=True),
            src("Regional list of detained religious figures", "ngo_report", "possible"),
        ],
        events=[
            ("2018~", "detained", "Detained during a campaign against 'religious extremism'",
             None, [1]),
            ("2019~", "sentenced", "Sentenced to fifteen years", None, [0]),
            ("2023-10", "family_harassed", "Relatives questioned after his name appeared in "
             "a report", None, [0]),
        ],
        photo=False,
        advocacy=adv(0),
    ),
    dict(
        key="lobsang-chodrak", display_name="Lobsang Chödrak", name_original="བློ་བཟང་ཆོས་གྲགས",
        other_names=[("དགེ་བཤེས་བློ་བཟང་", "bo"), ("blo bzang chos grags", "bo-Latn"),
                     ("洛桑曲扎", "zh-Hans"), ("Luòsāng Qūzhā", "zh-Latn-pinyin")],
        gender="male", birth_year=1984, ethnicity="Tibetan", nationalities=CHN,
        category="religious_practitioner",
        occupation="Monk; taught Tibetan language classes to children",
        status="indicted", status_since="2026-06-30", location="Ngaba (Aba), Sichuan",
        facility="Aba Prefecture Detention Centre", charges=["inciting separatism"],
        lawyer_access="denied", family_access="partial", consular_access="not_applicable",
        consent="private_only", sensitivity="high", priority=2,
        tags=["Tibetan", "language rights", "private advocacy"],
        summary="Tibetan monk from Ngaba who taught Tibetan language classes to children in "
                "the school holidays. Detained in December 2025 and indicted in June 2026 for "
                "'inciting separatism'.",
        internal_notes="PRIVATE ADVOCACY ONLY: his monastery asked that he not be named "
                       "publicly while the case is with the procuratorate. Reassess after the "
                       "trial.",
        sources=[
            src("Account from a monk at his monastery", "interview", "probable",
                confidential=True),
            src("Tibetan language teachers detained, 2025–2026", "ngo_report", "probable"),
        ],
        events=[
            ("2025-12~", "detained", "Taken from his monastery", None, [0]),
            ("2026-02-14", "arrested", "Formally arrested", None, [1]),
            ("2026-06-30", "indicted", "Indicted for inciting separatism", None, [1]),
            ("2026-08", "lawyer_denied", "A Chengdu lawyer is refused: the case is "
             "'sensitive'", None, [0]),
        ],
        photo=True,
        advocacy=adv(3, ["us", "eu", "gb", "nl"], start="2026-01-10", phases=[
            (None, ["lawyer_access", "fair_trial", "family_access"])]),
    ),
    dict(
        key="liang-meiling", display_name="Liang Meiling", name_original="梁美玲",
        other_names=[("Liáng Měilíng", "zh-Latn-pinyin"), ("May Liang", "en")],
        gender="female", birth_year=1960, ethnicity="Han", nationalities=["CA"],
        category="religious_practitioner",
        occupation="Retired nurse from Vancouver; Falun Gong practitioner",
        status="sentenced", status_since="2024-07-18", location="Liaoning",
        facility="Liaoning Provincial Women's Prison, Shenyang",
        charges=["using a cult to undermine law enforcement"],
        sentence="4 years 6 months", sentence_ends="2028-07-11",
        lawyer_access="denied", family_access="partial", consular_access="partial",
        health_concerns="High blood pressure; reportedly forced to stand for long periods.",
        consent="public", sensitivity="normal", priority=1,
        tags=["foreign national", "consular access", "Falun Gong"],
        summary="Canadian citizen and retired nurse from Vancouver who practises Falun Gong. "
                "Detained in January 2024 while visiting her mother in Dalian and sentenced to "
                "four and a half years for 'using a cult to undermine law enforcement'. China "
                "says she entered on a Chinese travel document; Canada has had one consular "
                "visit.",
        internal_notes=f"{CONTACT}\nSon in Vancouver: +1 604 555 0142 (demo number).",
        sources=[
            src("Vancouver woman sentenced in Dalian", "news", "confirmed",
                f"{NEWS}/2024/07/vancouver-woman-sentenced"),
            src("Global Affairs Canada statement", "official_statement", "confirmed"),
            src("Calls with her son", "family", "probable", confidential=True),
        ],
        events=[
            ("2024-01-12", "detained", "Detained at her mother's home in Dalian", None, [0]),
            ("2024-02-16", "arrested", "Formally arrested", None, [0]),
            ("2024-05-28", "trial", "Tried in Dalian; Canadian diplomats refused entry", None,
             [1]),
            ("2024-07-18", "sentenced", "Sentenced to four years and six months", None, [0]),
            ("2025-03", "transferred", "Transferred to the provincial women's prison", None,
             [2]),
            ("2025-09-03", "other", "First and only consular visit", None, [1]),
            ("2026-05~", "health_incident", "Reported fainting during forced standing", None,
             [2]),
        ],
        photo=True,
        advocacy=adv(4, ["ca", "us", "au", "eu"], home="ca", phases=[
            (None, ["consular_access", "release", "fair_trial"]),
            ("2024-07-18", ["consular_access", "release", "medical_care"])]),
    ),
    dict(
        key="grace-lu", display_name="Grace Lu", name_original="陆嘉慧",
        other_names=[("陸嘉慧", "zh-Hant"), ("Lù Jiāhuì", "zh-Latn-pinyin"),
                     ("Grace Lu Jiahui", "en")],
        gender="female", birth_year=1979, ethnicity="Han", nationalities=["AU"],
        category="other", occupation="Education consultant from Melbourne",
        status="on_trial", status_since="2025-12-04", location="Beijing",
        facility="Beijing State Security Bureau Detention Centre",
        charges=["illegally obtaining state secrets"],
        lawyer_access="partial", family_access="denied", consular_access="granted",
        health_concerns="Chronic back injury; consular officers report inadequate treatment.",
        consent="public", sensitivity="normal", priority=1,
        tags=["foreign national", "consular access", "closed trial"],
        summary="Australian citizen and education consultant from Melbourne. Detained at "
                "Beijing airport in August 2024, held under RSDL for six months, then arrested "
                "for 'illegally obtaining state secrets'. Her closed trial opened in December "
                "2025; the verdict has been postponed three times. Monthly consular visits "
                "take place.",
        internal_notes="CONFIDENTIAL – fictional demo data. Her lawyer was chosen from a list "
                       "approved by the authorities; the family's own lawyer was refused.",
        sources=[
            src("DFAT statement on the detention of an Australian citizen",
                "official_statement", "confirmed"),
            src("Melbourne consultant on trial in Beijing", "news", "probable",
                f"{NEWS}/2025/12/melbourne-consultant-trial"),
            src("Notes of a call with her sister", "family", "confirmed", confidential=True),
        ],
        events=[
            ("2024-08-11", "detained", "Detained at Beijing Capital International Airport",
             None, [0]),
            ("2024-08-16", "rsdl_began", "RSDL begins", None, [0]),
            ("2025-02-10", "arrested", "Formally arrested", None, [0]),
            ("2025-09-22", "indicted", "Indicted", None, [1]),
            ("2025-12-04", "trial", "Closed trial opens; the Australian ambassador is refused "
             "entry", None, [1]),
            ("2026-06~", "other", "Verdict postponed for the third time", None, [2]),
        ],
        photo=True,
        advocacy=adv(4, ["au", "us", "gb", "ca", "nl"], home="au", start="2024-08-13",
                     phases=[(None, ["consular_access", "lawyer_access", "release"]),
                             ("2025-09-22", ["fair_trial", "consular_access", "release"])]),
    ),
    dict(
        key="huang-zhiqiang", display_name="Huang Zhiqiang", name_original="黄志强",
        other_names=[("黃志強", "zh-Hant"), ("Huáng Zhìqiáng", "zh-Latn-pinyin")],
        gender="male", birth_year=1970, ethnicity="Han", nationalities=CHN,
        category="activist", occupation="Democracy activist and blogger",
        status="sentenced", status_since="2019-09-02", location="Sichuan",
        facility="Deyang Prison (last known)",
        charges=["inciting subversion of state power"], sentence="5 years",
        sentence_ends="2024-08-15", lawyer_access="denied", family_access="denied",
        consular_access="not_applicable",
        health_concerns="Diabetes; his family says he needs insulin.",
        consent="public", sensitivity="normal", priority=1,
        tags=["held past sentence", "blogger"],
        summary="Sichuan democracy activist and blogger sentenced in 2019 to five years for "
                "'inciting subversion of state power'. His sentence ended on 15 August 2024, "
                "but he has not come home and the authorities will not say where he is.",
        internal_notes="CONFIDENTIAL – fictional demo data. A local police officer told his "
                       "brother in September 2024 that he is in 'legal education' (法制教育). "
                       "Never attribute this to the brother in public.",
        sources=[
            src("Sichuan blogger sentenced", "news", "probable",
                f"{NEWS}/2019/09/sichuan-blogger-sentenced"),
            src("Calls with his brother", "family", "confirmed", confidential=True),
            src("Held beyond sentence: a briefing", "ngo_report", "probable",
                f"{NGO}/briefings/held-past-sentence"),
        ],
        events=[
            ("2019-03~", "detained", "Detained in Chengdu", None, [0]),
            ("2019-04", "arrested", "Formally arrested", None, [0]),
            ("2019-09-02", "sentenced", "Sentenced to five years", None, [0]),
            ("2022-11", "health_incident", "Hospitalised with complications of diabetes", None,
             [1]),
            ("2024-08-15", "other", "Release date passes; he does not come home", None,
             [1, 2]),
            ("2025-01", "family_harassed", "Brother warned not to speak to foreign media",
             None, [1]),
        ],
        photo=True,
        advocacy=adv(4, ["us", "gb", "un", "de", "fr"], phases=[
            (None, ["release", "medical_care"]),
            ("2024-08-16", ["release", "whereabouts", "proof_of_life"])]),
    ),
    dict(
        key="wu-haiyang", display_name="Wu Haiyang", name_original="吴海洋",
        other_names=[("吳海洋", "zh-Hant"), ("Wú Hǎiyáng", "zh-Latn-pinyin")],
        gender="male", birth_year=1992, ethnicity="Han", nationalities=CHN,
        category="labour_activist",
        occupation="Factory worker; organiser of a mutual-aid group for injured workers",
        status="formally_arrested", status_since="2026-04-30", location="Shenzhen, Guangdong",
        facility="Shenzhen No. 3 Detention Centre",
        charges=["picking quarrels and provoking trouble"],
        lawyer_access="denied", family_access="partial", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=2, tags=["labour", "Shenzhen"],
        summary="Shenzhen factory worker who organised a mutual-aid group for injured workers. "
                "Detained in March 2026 after a wage protest and formally arrested in April "
                "for 'picking quarrels and provoking trouble'.",
        sources=[
            src("Worker organiser detained after wage protest", "news", "probable",
                f"{NEWS}/2026/03/shenzhen-wage-protest"),
            src("Labour rights monitor, spring 2026", "ngo_report", "probable"),
        ],
        events=[
            ("2026-03-21", "detained", "Detained after a wage protest", None, [0]),
            ("2026-04-30", "arrested", "Formally arrested", None, [1]),
            ("2026-06-11", "lawyer_denied", "Lawyer refused a visit", None, [1]),
            ("2026-08", "family_harassed", "Parents in Hunan visited by police", None, [1]),
        ],
        photo=True,
        advocacy=adv(2, ["nl", "fr", "eu", "gb"], start="2026-03-25", phases=[
            (None, ["release", "lawyer_access"])]),
    ),
    dict(
        key="deng-xiaoyu", display_name="Deng Xiaoyu", name_original="邓晓雨",
        other_names=[("鄧曉雨", "zh-Hant"), ("Dèng Xiǎoyǔ", "zh-Latn-pinyin")],
        gender="female", birth_year=1995, ethnicity="Han", nationalities=CHN,
        category="labour_activist",
        occupation="Social worker supporting sanitation workers in Guangzhou",
        status="released_on_bail", status_since="2025-10-20", location="Guangzhou, Guangdong",
        charges=["picking quarrels and provoking trouble"],
        lawyer_access="granted", family_access="granted", consular_access="not_applicable",
        consent="private_only", sensitivity="high", priority=3, tags=["labour", "bail"],
        summary="Guangzhou social worker who supported sanitation workers in wage disputes. "
                "Detained in May 2025 and released on bail pending trial in October 2025.",
        internal_notes="PRIVATE ADVOCACY ONLY: she fears public attention would bring a trial. "
                       "Bail conditions are reviewed every twelve months (next: 2026-10).",
        sources=[
            src("Note from her lawyer", "lawyer", "confirmed", confidential=True),
            src("Sanitation workers' advocate detained", "news", "possible",
                f"{NEWS}/2025/05/sanitation-advocate"),
        ],
        events=[
            ("2025-05-08", "detained", "Detained in Guangzhou", None, [1]),
            ("2025-06-12", "arrested", "Formally arrested", None, [0]),
            ("2025-10-20", "released", "Released on bail pending trial (取保候审)", None, [0]),
            ("2026-02", "other", "Told she may not leave Guangzhou", None, [0]),
        ],
        photo=True,
        advocacy=adv(2, ["nl", "se"], start="2025-05-12", end="2025-10-19", phases=[
            (None, ["release", "lawyer_access"])]),
    ),
    dict(
        key="tian-jianguo", display_name="Tian Jianguo", name_original="田建国",
        other_names=[("田建國", "zh-Hant"), ("Tián Jiànguó", "zh-Latn-pinyin")],
        gender="male", birth_year=1966, ethnicity="Han", nationalities=CHN,
        category="labour_activist",
        occupation="Former coal miner; advocate for miners with pneumoconiosis",
        status="indicted", status_since="2026-08-12", location="Loudi, Hunan",
        facility="Loudi Detention Centre",
        charges=["picking quarrels and provoking trouble",
                 "gathering a crowd to disturb public order"],
        lawyer_access="partial", family_access="partial", consular_access="not_applicable",
        health_concerns="Stage II pneumoconiosis; needs oxygen therapy.",
        consent="public", sensitivity="normal", priority=2, tags=["labour", "health"],
        summary="Former coal miner from Hunan who helped miners with pneumoconiosis claim "
                "compensation. Detained in December 2025 after a petition in Beijing and "
                "indicted in August 2026.",
        sources=[
            src("Black-lung campaigner detained", "news", "probable",
                f"{NEWS}/2025/12/black-lung-campaigner"),
        ],
        events=[
            ("2025-12-03", "detained", "Detained after petitioning in Beijing", None, [0]),
            ("2026-01-09", "arrested", "Formally arrested", None, [0]),
            ("2026-08-12", "indicted", "Indicted", None, [0]),
            ("2026-10~", "health_incident", "Taken to hospital with breathing difficulties",
             None, [0]),
        ],
        photo=False,
        advocacy=adv(2, ["fr", "gb", "au"], start="2025-12-06", phases=[
            (None, ["release", "medical_care"])]),
    ),
    dict(
        key="han-yutong", display_name="Han Yutong", name_original="韩雨桐",
        other_names=[("韓雨桐", "zh-Hant"), ("Hán Yǔtóng", "zh-Latn-pinyin")],
        gender="female", birth_year=1990, ethnicity="Han", nationalities=CHN,
        category="feminist_advocate",
        occupation="NGO worker; ran a support network for survivors of sexual harassment",
        status="detained_incommunicado", status_since="2026-05-16",
        location="Unknown (taken from her home in Beijing)",
        lawyer_access="denied", family_access="denied", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=1,
        tags=["feminist", "#MeToo", "incommunicado"],
        summary="Feminist advocate who ran a support network for survivors of sexual "
                "harassment. Taken from her home by state security officers on 16 May 2026; "
                "the police will not confirm where she is held.",
        sources=[
            src("Feminist advocate taken by state security", "news", "probable",
                f"{NEWS}/2026/05/feminist-advocate-taken"),
            src("Message from a friend who witnessed the detention", "interview", "confirmed",
                confidential=True),
        ],
        events=[
            ("2026-05-16", "detained", "Taken from her home by state security officers", None,
             [0, 1]),
            ("2026-05-22", "other", "Police refuse to confirm the detention", None, [0]),
            ("2026-07", "family_harassed", "Parents told not to hire a lawyer", None, [1]),
        ],
        photo=True,
        advocacy=adv(3, ["se", "nl", "fr", "ca", "eu"], start="2026-05-19", phases=[
            (None, ["whereabouts", "lawyer_access", "release"])]),
    ),
    dict(
        key="ke-ruoxi", display_name="Ke Ruoxi", name_original="柯若溪",
        other_names=[("Kē Ruòxī", "zh-Latn-pinyin")],
        gender="female", birth_year=1996, ethnicity="Han", nationalities=CHN,
        category="feminist_advocate", occupation="Graduate student; anti-harassment campaigner",
        status="released", status_since="2024-03-08", location="Guangzhou, Guangdong",
        lawyer_access="not_applicable", family_access="not_applicable",
        consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=3, tags=["feminist", "released"],
        summary="Graduate student and anti-harassment campaigner detained in Guangzhou in "
                "September 2023 and released without charge on 8 March 2024.",
        sources=[
            src("Student campaigner detained in Guangzhou", "news", "probable",
                f"{NEWS}/2023/09/guangzhou-student-detained"),
            src("Campaigner freed on Women's Day", "news", "confirmed",
                f"{NEWS}/2024/03/campaigner-freed"),
        ],
        events=[
            ("2023-09-22", "detained", "Taken into criminal detention", None, [0]),
            ("2023-10-29", "other", "Held beyond 37 days without arrest approval", None, [0]),
            ("2024-03-08", "released", "Released without charge", None, [1]),
        ],
        photo=True,
        advocacy=adv(2, ["se", "nl", "fr"], end="2024-03-07", phases=[
            (None, ["release", "lawyer_access"])]),
    ),
    dict(
        key="xu-anran", display_name="Xu Anran", name_original="徐安然",
        other_names=[("Xú Ānrán", "zh-Latn-pinyin")],
        gender="female", birth_year=1988, ethnicity="Han", nationalities=CHN,
        category="journalist", occupation="Citizen journalist",
        status="sentenced", status_since="2023-04-11", location="Shanghai",
        facility="Shanghai Women's Prison",
        charges=["picking quarrels and provoking trouble"], sentence="4 years",
        sentence_ends="2026-12-20", lawyer_access="denied", family_access="partial",
        consular_access="not_applicable",
        health_concerns="Weighed under 40 kg after a 2024 hunger strike; stomach ulcer.",
        consent="public", sensitivity="normal", priority=1,
        tags=["journalist", "upcoming release", "health"],
        summary="Citizen journalist who filmed the aftermath of a chemical-plant explosion in "
                "Jiangsu and interviewed victims' families. Sentenced in April 2023 to four "
                "years for 'picking quarrels and provoking trouble'; due for release on 20 "
                "December 2026. She is in poor health after a hunger strike.",
        sources=[
            src("Citizen journalist sentenced over explosion videos", "news", "confirmed",
                f"{NEWS}/2023/04/citizen-journalist-sentenced"),
            src("Calls with her mother", "family", "probable", confidential=True),
        ],
        events=[
            ("2022-12-21", "detained", "Detained in Shanghai", None, [0]),
            ("2023-01-25", "arrested", "Formally arrested", None, [0]),
            ("2023-03-14", "trial", "Tried at Shanghai Pudong People's Court", None, [0]),
            ("2023-04-11", "sentenced", "Sentenced to four years", None, [0]),
            ("2024-06~", "health_incident", "Hunger strike; reportedly force-fed", None, [1]),
            ("2025-09", "family_harassed", "Mother warned not to give interviews", None, [1]),
        ],
        photo=True,
        advocacy=adv(4, ["fr", "de", "us", "gb", "eu", "se"], phases=[
            (None, ["release", "medical_care", "family_access"]),
            ("2026-09-01", ["release", "medical_care", "other"])]),
    ),
    dict(
        key="qin-lei", display_name="Qin Lei", name_original="秦磊",
        other_names=[("Qín Lěi", "zh-Latn-pinyin")],
        gender="male", birth_year=1985, ethnicity="Han", nationalities=CHN,
        category="journalist", occupation="Investigative reporter at a financial magazine",
        status="detained_incommunicado", status_since="2026-08-19", location="Unknown",
        lawyer_access="unknown", family_access="denied", consular_access="not_applicable",
        consent="unknown", sensitivity="high", priority=2, tags=["journalist"],
        summary="Investigative reporter at a Beijing financial magazine. Not seen since 19 "
                "August 2026; colleagues were told he is 'assisting an investigation'.",
        internal_notes="Consent not obtained: the family cannot be reached. Raise only in "
                       "private until consent is clear.",
        sources=[
            src("Message from a former colleague", "interview", "probable", confidential=True),
        ],
        events=[
            ("2026-08-19", "last_seen", "Last seen leaving the magazine's office", None, [0]),
            ("2026-08-26", "other", "Colleagues told he is 'assisting an investigation'", None,
             [0]),
            ("2026-10", "other", "Wife's phone number disconnected", None, [0]),
        ],
        photo=False,
        advocacy=adv(1, ["eu"], start="2026-09-01", phases=[(None, ["whereabouts"])]),
    ),
    dict(
        key="yan-shoucheng", display_name="Yan Shoucheng", name_original="严守诚",
        other_names=[("嚴守誠", "zh-Hant"), ("Yán Shǒuchéng", "zh-Latn-pinyin")],
        gender="male", birth_year=1958, ethnicity="Han", nationalities=CHN,
        category="scholar", occupation="Retired professor of international relations",
        status="formally_arrested", status_since="2025-11-21", location="Beijing",
        facility="Beijing State Security Bureau Detention Centre",
        charges=["leaking state secrets"], lawyer_access="denied", family_access="partial",
        consular_access="not_applicable", health_concerns="Parkinson's disease.",
        consent="public", sensitivity="normal", priority=2, tags=["scholar", "state secrets"],
        summary="Retired professor of international relations in Beijing. Held under RSDL from "
                "July 2025 and arrested in November 2025 for 'leaking state secrets'. He has "
                "Parkinson's disease.",
        sources=[
            src("Retired professor held by state security", "news", "probable",
                f"{NEWS}/2025/07/professor-held"),
            src("Letter from his wife to the procuratorate", "family", "confirmed"),
        ],
        events=[
            ("2025-07-04", "detained", "Taken from his home in Beijing", None, [0]),
            ("2025-07-04", "rsdl_began", "RSDL begins", None, [1]),
            ("2025-11-21", "arrested", "Formally arrested for leaking state secrets", None,
             [1]),
            ("2026-04", "health_incident", "Tremor worse; medication supply irregular", None,
             [1]),
        ],
        photo=True,
        advocacy=adv(2, ["us", "gb", "de", "au"], start="2025-07-10", phases=[
            (None, ["release", "medical_care", "lawyer_access"])]),
    ),
    dict(
        key="guo-pengfei", display_name="Guo Pengfei", name_original="郭鹏飞",
        other_names=[("郭鵬飛", "zh-Hant"), ("Guō Péngfēi", "zh-Latn-pinyin")],
        gender="male", birth_year=1983, ethnicity="Han", nationalities=CHN,
        category="activist", occupation="Anti-corruption campaigner",
        status="deceased", status_since="2025-02-17", location="Jinan, Shandong",
        facility="Died under guard in a Jinan hospital",
        charges=["inciting subversion of state power"], sentence="6 years 6 months",
        sentence_ends="2027-09~", lawyer_access="denied", family_access="partial",
        consular_access="not_applicable",
        health_concerns="Liver cancer diagnosed in 2024; medical parole refused.",
        consent="public", sensitivity="normal", priority=2,
        tags=["died in custody", "medical parole"],
        summary="Shandong anti-corruption campaigner sentenced in 2022 to six and a half years "
                "for 'inciting subversion of state power'. Diagnosed with liver cancer in "
                "prison in 2024 and refused medical parole, he died under guard in hospital on "
                "17 February 2025.",
        sources=[
            src("Jailed campaigner dies in custody", "news", "confirmed",
                f"{NEWS}/2025/02/campaigner-dies"),
            src("Medical parole decision", "court_document", "confirmed"),
            src("Account of his sister", "family", "confirmed", confidential=True),
        ],
        events=[
            ("2021-03~", "detained", "Detained in Jinan", None, [0]),
            ("2022-06-20", "sentenced", "Sentenced to six years and six months", None, [0]),
            ("2024-07", "health_incident", "Diagnosed with liver cancer", None, [2]),
            ("2024-10-08", "other", "Medical parole refused", None, [1]),
            ("2025-02-17", "other", "Dies under guard in hospital", None, [0, 2]),
            ("2025-02-20", "family_harassed", "Family pressed to agree to immediate cremation",
             None, [2]),
        ],
        photo=True,
        advocacy=adv(3, ["us", "gb", "de", "eu", "un"], end="2025-04-30", phases=[
            (None, ["release", "medical_care"]),
            ("2024-07-15", ["medical_care", "release", "family_access"]),
            ("2025-02-17", ["other"])]),
    ),
    dict(
        key="zhu-lanfang", display_name="Zhu Lanfang", name_original="朱兰芳",
        other_names=[("朱蘭芳", "zh-Hant"), ("Zhū Lánfāng", "zh-Latn-pinyin")],
        gender="female", birth_year=1963, ethnicity="Han", nationalities=CHN,
        category="activist", occupation="Petitioner",
        status="unknown", status_since="2023~", location="Last known: Wuhan, Hubei",
        lawyer_access="unknown", family_access="unknown", consular_access="not_applicable",
        consent="unknown", sensitivity="normal", priority=3, tags=["petitioner", "black jail"],
        summary="Petitioner from Hubei who sought compensation for the demolition of her home. "
                "Reported held in an unofficial 'black jail' in Wuhan in 2023; nothing has "
                "been heard since.",
        sources=[
            src("Petitioners held in black jails", "ngo_report", "possible",
                f"{NGO}/reports/black-jails-2023"),
        ],
        events=[
            ("2019~", "other", "Begins petitioning over the demolition of her home", None, [0]),
            ("2023~", "detained", "Reported held in a 'black jail' in Wuhan", None, [0]),
            ("2023-11~", "last_seen", "Last contact with a fellow petitioner", None, [0]),
        ],
        photo=False,
        advocacy=adv(0),
    ),
    dict(
        key="hou-zhenyu", display_name="Hou Zhenyu", name_original="侯振宇",
        other_names=[("Hóu Zhènyǔ", "zh-Latn-pinyin")],
        gender="male", birth_year=1991, ethnicity="Han", nationalities=CHN,
        category="other", occupation="Software engineer",
        status="criminal_detention", status_since="2026-07-15", location="Hangzhou, Zhejiang",
        facility="Hangzhou Xihu District Detention Centre",
        charges=["illegal business operations"],
        lawyer_access="partial", family_access="granted", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=3, tags=["internet freedom"],
        summary="Hangzhou software engineer who ran a paid service helping users get around "
                "internet censorship. Detained in July 2026 for 'illegal business operations'.",
        sources=[
            src("Engineer detained over circumvention service", "news", "probable",
                f"{NEWS}/2026/07/circumvention-engineer"),
        ],
        events=[
            ("2026-07-15", "detained", "Taken into criminal detention", None, [0]),
            ("2026-08-20", "other", "Still held without arrest approval", None, [0]),
            ("2026-09", "lawyer_denied", "Second request to meet his lawyer refused", None,
             [0]),
        ],
        photo=False,
        advocacy=adv(2, ["us"], start="2026-07-20", phases=[
            (None, ["release", "lawyer_access"])]),
    ),
    dict(
        key="song-jiaqi", display_name="Song Jiaqi", name_original="宋佳琪",
        other_names=[("Sòng Jiāqí", "zh-Latn-pinyin")],
        gender="female", birth_year=2001, ethnicity="Han", nationalities=CHN,
        category="family_member", occupation="Student; daughter of Lu Wenhao",
        status="exit_banned", status_since="2024-08~", location="Zhengzhou, Henan",
        lawyer_access="not_applicable", family_access="not_applicable",
        consular_access="not_applicable",
        consent="private_only", sensitivity="high", priority=3,
        tags=["family", "exit ban", "private advocacy"],
        summary="University student, daughter of lawyer Lu Wenhao. Refused a passport in 2024 "
                "and told she may not leave China 'because of her father's case'.",
        internal_notes="PRIVATE ADVOCACY ONLY, as for her father.",
        sources=[
            src("Message relayed by a family friend", "interview", "probable",
                confidential=True),
        ],
        events=[
            ("2024-08~", "other", "Passport application refused", None, [0]),
            ("2025-05", "family_harassed", "University counsellor warns her about 'foreign "
             "contacts'", None, [0]),
            ("2026-09", "other", "Cannot take up a scholarship abroad", None, [0]),
        ],
        photo=False,
        advocacy=adv(1, ["de", "nl"], start="2024-09-01", phases=[
            (None, ["end_exit_ban", "stop_family_harassment"])]),
    ),
    dict(
        key="yuan-shengli", display_name="Yuan Shengli", name_original="袁胜利",
        other_names=[("袁勝利", "zh-Hant"), ("Yuán Shènglì", "zh-Latn-pinyin")],
        gender="male", birth_year=1971, ethnicity="Han", nationalities=CHN,
        category="human_rights_lawyer", occupation="Former lawyer in Shandong",
        status="released_under_surveillance", status_since="2022-05-09",
        location="Shandong", charges=["inciting subversion of state power"],
        sentence="4 years", sentence_ends="2022-05-08",
        lawyer_access="not_applicable", family_access="not_applicable",
        consular_access="not_applicable",
        consent="do_not_raise", sensitivity="high", priority=3, tags=["do not raise"],
        summary="Former lawyer in Shandong, released after serving a sentence for 'inciting "
                "subversion of state power'.",
        internal_notes="DO NOT RAISE. In January 2025 he asked, through a former colleague, "
                       "not to be named by any government: relatives' employers were pressed "
                       "after a 2024 mention. Keep the file for the record only.",
        sources=[
            src("Message from a former colleague", "interview", "confirmed",
                confidential=True),
        ],
        events=[
            ("2018-01~", "detained", "Detained in Jinan", None, [0]),
            ("2019-06", "sentenced", "Sentenced to four years", None, [0]),
            ("2022-05-09", "released", "Released under surveillance", None, [0]),
        ],
        photo=False,
        advocacy=adv(0),
    ),
    dict(
        key="wei-zhengrong", display_name="Wei Zhengrong", name_original="魏正荣",
        other_names=[("魏正榮", "zh-Hant"), ("Wèi Zhèngróng", "zh-Latn-pinyin")],
        gender="male", birth_year=1972, ethnicity="Han", nationalities=CHN,
        category="religious_practitioner",
        occupation="Elder of an unregistered Protestant house church in Xiamen",
        status="on_trial", status_since="2026-10-15", location="Xiamen, Fujian",
        facility="Xiamen Detention Centre", charges=["illegal business operations"],
        lawyer_access="partial", family_access="partial", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=2,
        tags=["house church", "freedom of religion"],
        summary="Elder of an unregistered Protestant house church in Xiamen, detained in a "
                "raid on a Sunday service in November 2025. Charged with 'illegal business "
                "operations' for printing Christian books; his trial opened in October 2026 "
                "and was adjourned.",
        sources=[
            src("Police raid Xiamen house church", "news", "confirmed",
                f"{NEWS}/2025/11/xiamen-house-church-raid"),
            src("Statement of his defence lawyer", "lawyer", "confirmed"),
        ],
        events=[
            ("2025-11-09", "detained", "Detained in a raid on a Sunday service", None, [0]),
            ("2025-12-16", "arrested", "Formally arrested", None, [1]),
            ("2026-07-02", "indicted", "Indicted for illegal business operations", None, [1]),
            ("2026-10-15", "trial", "Trial opens and is adjourned", "The defence objected to "
             "the evidence.", [1]),
        ],
        photo=True,
        advocacy=adv(2, ["us", "nl", "gb", "au"], start="2025-11-12", phases=[
            (None, ["release", "fair_trial"])]),
    ),
    dict(
        key="ma-qiuping", display_name="Ma Qiuping", name_original="马秋萍",
        other_names=[("馬秋萍", "zh-Hant"), ("Mǎ Qiūpíng", "zh-Latn-pinyin")],
        gender="female", birth_year=1975, ethnicity="Hui", nationalities=CHN,
        category="activist", occupation="Environmental campaigner",
        status="released_on_bail", status_since="2024-12-06", location="Yinchuan, Ningxia",
        charges=["picking quarrels and provoking trouble"],
        lawyer_access="granted", family_access="granted", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=3, tags=["environment", "bail"],
        summary="Hui environmental campaigner from Ningxia who documented pollution from a "
                "coal-chemical park. Detained in June 2024 and released on bail in December "
                "2024.",
        sources=[
            src("Ningxia pollution campaigner detained", "news", "probable",
                f"{NEWS}/2024/06/ningxia-campaigner"),
        ],
        events=[
            ("2024-06-05", "detained", "Detained in Yinchuan", None, [0]),
            ("2024-07-10", "arrested", "Formally arrested", None, [0]),
            ("2024-12-06", "released", "Released on bail pending trial", None, [0]),
        ],
        photo=False,
        advocacy=adv(1, ["us", "de"], start="2024-06-10", end="2024-12-05", phases=[
            (None, ["release"])]),
    ),
    dict(
        key="dilnur-ablimit", display_name="Dilnur Ablimit", name_original="دىلنۇر ئابلىمىت",
        other_names=[("Dilnur Ablimit", "ug-Latn"), ("迪丽努尔·阿不力米提", "zh-Hans")],
        gender="female", birth_year=1997, ethnicity="Uyghur", nationalities=CHN,
        category="other", occupation="Student",
        status="unknown", status_since="2017~", location="Last known: Ghulja (Yining), Xinjiang",
        lawyer_access="unknown", family_access="unknown", consular_access="unknown",
        consent="unknown", sensitivity="high", priority=3, tags=["Uyghur", "returned student"],
        summary="Uyghur student who returned to Xinjiang from studies abroad in 2017. Her "
                "friends abroad have had no news of her since.",
        internal_notes="Unverified: she may have obtained residence or citizenship in Türkiye "
                       "while studying in Istanbul; if so, consular access becomes an advocacy "
                       "point. Consent not yet obtained.",
        sources=[
            src("Account of a fellow student in Istanbul", "interview", "possible",
                confidential=True),
        ],
        events=[
            ("2017-06~", "last_seen", "Returns to Xinjiang from Istanbul", None, [0]),
            ("2017-09~", "other", "Her social-media accounts go silent", None, [0]),
            ("2019~", "other", "A friend hears she was sent to a 'training centre'", None, [0]),
        ],
        photo=False,
        advocacy=adv(0),
    ),
    dict(
        key="chen-ziyue", display_name="Chen Ziyue", name_original="陈子悦",
        other_names=[("陳子悅", "zh-Hant"), ("Chén Zǐyuè", "zh-Latn-pinyin")],
        gender="female", birth_year=1999, ethnicity="Han", nationalities=CHN,
        category="activist", occupation="Student",
        status="released", status_since="2023-05", location="Shanghai",
        lawyer_access="not_applicable", family_access="not_applicable",
        consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=3, tags=["protest", "released"],
        summary="Student detained after attending a candlelight vigil in Shanghai in late "
                "2022; released on bail in May 2023 and the case was later dropped.",
        sources=[
            src("Vigil participants detained", "news", "probable",
                f"{NEWS}/2023/01/vigil-participants"),
        ],
        events=[
            ("2022-12~", "detained", "Detained after a candlelight vigil", None, [0]),
            ("2023-05", "released", "Released on bail", None, [0]),
            ("2024-05~", "other", "Bail period ends; case dropped", None, [0]),
        ],
        photo=False,
        advocacy=adv(0),
    ),
    dict(
        key="zeng-linfeng", display_name="Zeng Linfeng", name_original="曾林峰",
        other_names=[("Zēng Línfēng", "zh-Latn-pinyin")],
        gender="male", birth_year=1988, ethnicity="Han", nationalities=CHN,
        category="labour_activist", occupation="Food-delivery rider and organiser",
        status="criminal_detention", status_since="2026-11-10", location="Beijing",
        facility="Beijing Chaoyang District Detention Centre",
        charges=["picking quarrels and provoking trouble"],
        lawyer_access="unknown", family_access="partial", consular_access="not_applicable",
        consent="public", sensitivity="normal", priority=2, tags=["labour", "new case"],
        summary="Food-delivery rider in Beijing who set up an online group for riders to share "
                "information about pay cuts. Detained on 10 November 2026.",
        sources=[
            src("Delivery-rider organiser detained", "news", "possible",
                f"{NEWS}/2026/11/rider-organiser"),
        ],
        events=[
            ("2026-11-10", "detained", "Taken into criminal detention", None, [0]),
            ("2026-11-14", "other", "Detention notice issued to his family", None, [0]),
            ("2026-11-20", "lawyer_denied", "Lawyer told to 'wait for notice'", None, [0]),
        ],
        photo=False,
        advocacy=adv(0),
    ),
]
