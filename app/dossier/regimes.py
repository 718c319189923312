# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What each sanctions regime asks of a designation, in a few fixed sentences.

Paraphrased from each regime's published legal criteria (never quoted at length); where
every sentence comes from is listed in docs/referral.md. These texts change only with the
law: keep that page and this module in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import Regime, Role


@dataclass(frozen=True, slots=True)
class RegimeText:
    name: str  # the regime as its authority names it
    authority: str  # who decides, and to whom a referral goes
    legal_basis: str
    criteria: tuple[str, ...]  # the designation criteria the conduct is offered under


REGIMES: dict[Regime, RegimeText] = {
    Regime.US_GLOMAG: RegimeText(
        name="Global Magnitsky sanctions (United States)",
        authority="Department of the Treasury (OFAC), with the Department of State",
        legal_basis="Executive Order 13818 of 20 December 2017, implementing and building "
                    "upon the Global Magnitsky Human Rights Accountability Act (Public Law "
                    "114-328, Title XII, Subtitle F)",
        criteria=(
            "A foreign person who is responsible for or complicit in, or who has directly "
            "or indirectly engaged in, serious human rights abuse may be designated "
            "(EO 13818, section 1(a)(ii)(A)).",
            "So may a current or former leader or official of an entity, including a "
            "government entity, that has engaged in serious human rights abuse, or whose "
            "members have, relating to that person's tenure (section 1(a)(ii)(C)).",
            "The Act names extrajudicial killings, torture and other gross violations of "
            "internationally recognised human rights committed against people who seek to "
            "expose illegal activity by government officials or to obtain, exercise, "
            "defend or promote human rights and freedoms (section 1263(a)(1)).",
        )),
    Regime.UK_GHR: RegimeText(
        name="Global Human Rights sanctions (United Kingdom)",
        authority="Foreign, Commonwealth and Development Office",
        legal_basis="The Global Human Rights Sanctions Regulations 2020 (SI 2020/680), "
                    "made under the Sanctions and Anti-Money Laundering Act 2018",
        criteria=(
            "A person may be designated where there are reasonable grounds to suspect that "
            "they are an \u201cinvolved person\u201d (regulations 5 and 6).",
            "The activities concerned are those that would, if carried out by or on behalf "
            "of a State, amount to a serious violation of a person's right to life; right "
            "not to be subjected to torture or cruel, inhuman or degrading treatment or "
            "punishment; or right to be free from slavery, servitude and forced or "
            "compulsory labour (regulation 4(2)).",
            "Being involved includes being responsible for or engaging in such an "
            "activity; facilitating, inciting, promoting or supporting it; and, for one "
            "responsible for investigating or punishing it, failing to do so "
            "(regulation 6).",
        )),
    Regime.EU_GHRSR: RegimeText(
        name="EU Global Human Rights Sanctions Regime",
        authority="Council of the European Union, on a proposal of a Member State or the "
                  "High Representative",
        legal_basis="Council Decision (CFSP) 2020/1999 and Council Regulation (EU) "
                    "2020/1998 of 7 December 2020",
        criteria=(
            "The regime covers serious human rights violations or abuses including "
            "torture and other cruel, inhuman or degrading treatment or punishment; "
            "enforced disappearance of persons; and arbitrary arrests or detentions "
            "(Decision, Article 1(1)(c); Regulation, Article 2(1)(c)).",
            "It also covers violations of freedom of opinion and expression, of peaceful "
            "assembly and association, and of religion or belief, where widespread, "
            "systematic or of serious concern to the Union's foreign policy objectives "
            "(Article 1(1)(d)).",
            "Natural persons responsible for such acts, or who provide support to or are "
            "otherwise involved in them (planning, directing, ordering, assisting, "
            "preparing, facilitating or encouraging), may be listed (Decision, Article "
            "3(1); Regulation, Article 3(3)).",
        )),
    Regime.CA_SEMA: RegimeText(
        name="Sergei Magnitsky Law (Canada)",
        authority="Global Affairs Canada, for the Governor in Council",
        legal_basis="Justice for Victims of Corrupt Foreign Officials Act (Sergei "
                    "Magnitsky Law), S.C. 2017, c. 21",
        criteria=(
            "A foreign national may be listed who is responsible for, or complicit in, "
            "extrajudicial killings, torture or other gross violations of internationally "
            "recognised human rights (section 4(2)(a)).",
            "The violations are those committed against individuals who seek to expose "
            "illegal activity carried out by foreign public officials, or to obtain, "
            "exercise, defend or promote internationally recognised human rights and "
            "freedoms (section 4(2)(a)(i) and (ii)).",
            "So may a foreign national who acted as an agent of, or on behalf of, a "
            "foreign state in such a matter (section 4(2)(b)).",
        )),
    Regime.AU_MAGNITSKY: RegimeText(
        name="Magnitsky-style thematic sanctions (Australia)",
        authority="Department of Foreign Affairs and Trade, for the Minister for Foreign "
                  "Affairs",
        legal_basis="Autonomous Sanctions Act 2011 as amended by the Autonomous Sanctions "
                    "Amendment (Magnitsky-style and Other Thematic Sanctions) Act 2021; "
                    "Autonomous Sanctions Regulations 2011, regulation 6A",
        criteria=(
            "The Act allows thematic sanctions that address serious violations or serious "
            "abuses of human rights, wherever they occur.",
            "A person may be listed where the Minister is satisfied that they have engaged "
            "in, been responsible for, or been complicit in a serious violation or serious "
            "abuse of a person's right to life; right not to be subjected to torture or "
            "cruel, inhuman or degrading treatment or punishment; or right not to be held "
            "in slavery or servitude or required to perform forced or compulsory labour.",
        )),
}

# The kind of violation each role documents, in the words the criteria use.
ROLE_CONDUCT: dict[Role, str] = {
    Role.ORDERED_DETENTION: "arbitrary arrest or detention",
    Role.ARRESTED: "arbitrary arrest or detention",
    Role.INTERROGATED: "arbitrary detention; cruel, inhuman or degrading treatment",
    Role.ILL_TREATMENT: "torture or cruel, inhuman or degrading treatment",
    Role.PROSECUTED: "arbitrary detention (prosecution for exercising human rights)",
    Role.JUDGED: "arbitrary detention (conviction for exercising human rights)",
    Role.PRISON_AUTHORITY: "arbitrary detention; treatment in custody",
    Role.DENIED_ACCESS: "incommunicado detention, enforced disappearance",
    Role.SURVEILLANCE_HARASSMENT: "persecution of a person exercising human rights",
    Role.FORCED_CONFESSION: "torture or cruel, inhuman or degrading treatment",
    Role.OTHER: "other conduct described in section 3",
}
