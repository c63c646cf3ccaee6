"""State-affiliated news outlets, written for newsxray from public facts.

"State-affiliated" here means an outlet that a state, a state agency or a ruling party
owns or editorially controls (national news agencies, state broadcasters, party papers).
Public-service broadcasters with independent governance (BBC, NHK, Deutsche Welle,
France 24, CBC, ABC Australia, NPR, PBS) and outlets that are merely state-funded or
privately owned but politically aligned (Al Jazeera, Al Mayadeen, Al Arabiya) are not in
this list: that is a different claim, and one the list does not make.

One line per outlet: ``COUNTRY KIND Name|Alias|... ; domain, domain``. ``COUNTRY`` is the
ISO 3166-1 alpha-3 code of the owning state, ``KIND`` one of agency, broadcaster,
newspaper, website. The first name and the first domain are the canonical ones.
"""
from __future__ import annotations

from dataclasses import dataclass

_STATE_MEDIA = """
RUS broadcaster RT|Russia Today|RT International|RT America|RT News ; rt.com, rt.ru, actualidad-rt.com
RUS agency TASS|ITAR-TASS|Tass|TASS news agency ; tass.com, tass.ru
RUS agency RIA Novosti|RIA|RIA-Novosti ; ria.ru
RUS website Sputnik|Sputnik News|Sputnik International ; sputnikglobe.com, sputniknews.com
RUS broadcaster Channel One Russia|Channel One|Pervy Kanal ; 1tv.ru, 1tv.com
RUS broadcaster Rossiya 1|Russia-1|VGTRK ; vgtrk.ru, smotrim.ru
RUS newspaper Rossiyskaya Gazeta ; rg.ru
RUS broadcaster Zvezda|Zvezda TV ; tvzvezda.ru
CHN agency Xinhua|Xinhua News Agency ; xinhuanet.com, news.cn
CHN broadcaster CGTN|China Global Television Network ; cgtn.com
CHN broadcaster CCTV|China Central Television ; cctv.com, cntv.cn
CHN broadcaster China Radio International|CRI ; cri.cn
CHN newspaper China Daily ; chinadaily.com.cn
CHN newspaper Global Times ; globaltimes.cn
CHN newspaper People's Daily|Renmin Ribao ; people.com.cn, people.cn
CHN agency China News Service|Chinanews ; chinanews.com.cn, ecns.cn
CHN newspaper Guangming Daily ; gmw.cn
CHN newspaper PLA Daily|Jiefangjun Bao ; chinamil.com.cn, 81.cn
CHN newspaper Ta Kung Pao ; takungpao.com
CHN newspaper Wen Wei Po ; wenweipo.com
IRN broadcaster Press TV|PressTV ; presstv.ir, presstv.com
IRN agency IRNA|Islamic Republic News Agency ; irna.ir
IRN broadcaster IRIB|Islamic Republic of Iran Broadcasting ; irib.ir
IRN agency Fars News Agency|Fars|Fars News ; farsnews.ir
IRN agency Tasnim News Agency|Tasnim|Tasnim News ; tasnimnews.com
IRN agency Mehr News Agency|Mehr|Mehr News ; mehrnews.com
IRN newspaper Tehran Times ; tehrantimes.com
PRK agency Korean Central News Agency|KCNA ; kcna.kp
PRK newspaper Rodong Sinmun ; rodong.rep.kp
PRK website Uriminzokkiri ; uriminzokkiri.com
VEN broadcaster TeleSUR|teleSUR|Telesur ; telesurtv.net, telesurenglish.net
VEN broadcaster Venezolana de Televisión|VTV ; vtv.gob.ve
CUB newspaper Granma ; granma.cu
CUB agency Prensa Latina ; prensa-latina.cu, plenglish.com
CUB website Cubadebate ; cubadebate.cu
TUR agency Anadolu Agency|Anadolu|Anadolu Ajansı ; aa.com.tr
TUR broadcaster TRT|TRT World|Turkish Radio and Television Corporation ; trt.net.tr, trtworld.com
BLR agency BelTA|Belarusian Telegraph Agency ; belta.by
SYR agency SANA|Syrian Arab News Agency ; sana.sy
SAU agency Saudi Press Agency|SPA ; spa.gov.sa
EGY agency Middle East News Agency|MENA ; mena.org.eg
EGY newspaper Al-Ahram|Al Ahram ; ahram.org.eg
QAT agency Qatar News Agency|QNA ; qna.org.qa
ARE agency Emirates News Agency|WAM ; wam.ae
VNM agency Vietnam News Agency|VNA ; vnanet.vn
VNM newspaper Nhan Dan ; nhandan.vn
AZE agency Azertac|AZERTAC ; azertag.az
KAZ agency Kazinform ; inform.kz
PAK agency Associated Press of Pakistan|APP ; app.com.pk
"""


@dataclass(frozen=True, slots=True)
class StateOutlet:
    """A state-affiliated outlet: canonical name, aliases, owner country (ISO3), kind, domains."""

    name: str
    names: tuple[str, ...]
    country: str
    kind: str
    domains: tuple[str, ...]


def _parse(table: str) -> tuple[StateOutlet, ...]:
    outlets = []
    for line in table.strip().splitlines():
        head, _, domains = line.partition(" ; ")
        country, kind, names = head.split(" ", 2)
        parts = tuple(n.strip() for n in names.split("|"))
        outlets.append(StateOutlet(name=parts[0], names=parts, country=country, kind=kind,
                                   domains=tuple(d.strip() for d in domains.split(",") if d.strip())))
    return tuple(outlets)


STATE_MEDIA: tuple[StateOutlet, ...] = _parse(_STATE_MEDIA)
_BY_DOMAIN: dict[str, StateOutlet] = {d: o for o in STATE_MEDIA for d in o.domains}


def state_outlet_for_domain(domain: str | None) -> StateOutlet | None:
    """The state-affiliated outlet a registrable domain belongs to (``tass.ru`` -> TASS)."""
    return _BY_DOMAIN.get(domain.lower()) if domain else None
