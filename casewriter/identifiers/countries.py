"""Country codes accepted as the suffix of a UPU S10 item number, and postal operator names.

All ISO 3166-1 alpha-2 codes (so TW, MO and territories such as AW, CW, NC, PF, GI, BM, KY,
JE, GG, IM are in, unlike TND's ``s10.json``). ``UK`` is not a code (it is ``GB``); ``YP``
(Yanwen's pseudo-S10 suffix) is not a country.
"""

from __future__ import annotations

ISO_COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

#: Postal operators sellers meet most; others are named "Post (XX)".
POSTS = {
    "CN": "China Post",
    "US": "USPS",
    "GB": "Royal Mail",
    "DE": "Deutsche Post",
    "HK": "Hongkong Post",
    "TW": "Chunghwa Post",
    "MO": "Macau Post",
    "JP": "Japan Post",
    "SG": "Singapore Post",
    "CA": "Canada Post",
    "AU": "Australia Post",
    "FR": "La Poste",
    "NL": "PostNL",
    "IT": "Poste Italiane",
    "ES": "Correos",
    "KR": "Korea Post",
    "MY": "Pos Malaysia",
    "TH": "Thailand Post",
    "IN": "India Post",
    "SE": "PostNord",
    "PL": "Poczta Polska",
    "BE": "bpost",
    "AE": "Emirates Post",
    "MX": "Correos de México",
    "BR": "Correios",
}


def post_name(country: str) -> str:
    return POSTS.get(country, f"Post ({country})")
