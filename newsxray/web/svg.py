"""Charts drawn by newsxray itself as SVG (no JavaScript, no plotting library): the actor-pair
timeline and the entity network. Every text and attribute value is escaped; the SVG is
inlined in the page, styled with presentation attributes and classes from the app's own
stylesheet (so the strict CSP holds), and each mark carries a ``<title>`` for hover and
screen readers. Conflict is shown by a hatch pattern as well as by colour.
"""
from __future__ import annotations

import math
from datetime import date
from urllib.parse import quote

import numpy as np
from markupsafe import Markup, escape

W, H, PAD = 760, 260, 40


def _num(x: float) -> str:
    return f"{x:.1f}"


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _bar(x: float, width: float, y: float, height: float, day: dict) -> str:
    g = day.get("goldstein")
    kind = "conflict" if isinstance(g, (int, float)) and g < 0 else "coop"
    types = ", ".join(f"{t} {n}" for t, n in sorted((day.get("by_type") or {}).items()))
    gs = f"{g:+.1f}" if isinstance(g, (int, float)) else "n/a"
    tip = f"{day.get('date')}: {day.get('count')} event(s) ({types}); mean Goldstein {gs}"
    fill = ' fill="url(#hatch)"' if kind == "conflict" else ""
    return (f'<rect class="bar {kind}" x="{_num(x)}" y="{_num(y)}" width="{_num(width)}" height="{_num(height)}"'
            f'{fill} tabindex="0"><title>{escape(tip)}</title></rect>')


def timeline_svg(days: list[dict], *, title: str = "events per day") -> Markup:
    """Bars of events per day on a date axis; hatched where the day's mean Goldstein is negative."""
    points = [(d, _day(d.get("date"))) for d in days if _day(d.get("date")) is not None]
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {W} {H}" role="img" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
            '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg"/>'
            '<line x1="0" y1="0" x2="0" y2="6" class="hatch-line" stroke-width="3"/></pattern></defs>')
    if not points:
        return Markup(head + f'<text x="{W / 2}" y="{H / 2}" text-anchor="middle">no dated events</text></svg>')
    first, last = min(p[1] for p in points), max(p[1] for p in points)
    span = max(1, (last - first).days + 1)
    top = max(int(d.get("count") or 0) for d, _ in points) or 1
    inner_w, inner_h = W - 2 * PAD, H - 2 * PAD
    width = max(2.0, min(40.0, inner_w / span - 1))
    parts = [head, f'<line class="axis" x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}"/>',
             f'<line class="axis" x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{H - PAD}"/>']
    for tick in sorted({0, top // 2, top}):
        y = H - PAD - inner_h * tick / top
        parts.append(f'<text class="tick" x="{PAD - 6}" y="{_num(y + 4)}" text-anchor="end">{tick}</text>')
    for day, when in points:
        x = PAD + inner_w * ((when - first).days + 0.5) / span - width / 2
        height = inner_h * int(day.get("count") or 0) / top
        parts.append(_bar(x, width, H - PAD - height, height, day))
    for when, anchor, x in ((first, "start", PAD), (last, "end", W - PAD)):
        parts.append(f'<text class="tick" x="{x}" y="{H - PAD + 18}" text-anchor="{anchor}">{when.isoformat()}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def layout(n: int, edges: list[tuple[int, int, float]], *, iterations: int = 120, seed: int = 7) -> np.ndarray:
    """Fruchterman–Reingold positions in the unit square (deterministic for a given graph)."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    if n < 2:
        return np.full((n, 2), 0.5)
    k = math.sqrt(1.0 / n)
    src = np.array([e[0] for e in edges], dtype=int)
    dst = np.array([e[1] for e in edges], dtype=int)
    wts = np.array([e[2] for e in edges], dtype=float)
    wts = wts / wts.max() if len(wts) else wts
    temp = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        disp = ((k * k / dist ** 2)[:, :, None] * delta).sum(axis=1)
        if len(edges):
            d = pos[src] - pos[dst]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            pull = (length / k * (0.5 + wts))[:, None] * d
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        size = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / size[:, None] * np.minimum(size, temp)[:, None]
        pos += (0.5 - pos) * 0.01  # gentle gravity keeps components on screen
        temp *= 0.97
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    return (pos - lo) / np.maximum(hi - lo, 1e-9)


_SHAPES = {"PERSON": "circle", "ORG": "square", "GPE": "diamond", "NORP": "diamond", "LOC": "diamond"}


def _node(x: float, y: float, r: float, node: dict) -> str:
    kind = str(node.get("type") or "OTHER")
    shape = _SHAPES.get(kind, "triangle")
    if shape == "circle":
        mark = f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"/>'
    elif shape == "square":
        mark = f'<rect x="{_num(x - r)}" y="{_num(y - r)}" width="{_num(2 * r)}" height="{_num(2 * r)}"/>'
    elif shape == "diamond":
        mark = f'<polygon points="{_num(x)},{_num(y - r)} {_num(x + r)},{_num(y)} {_num(x)},{_num(y + r)} {_num(x - r)},{_num(y)}"/>'
    else:
        mark = f'<polygon points="{_num(x)},{_num(y - r)} {_num(x + r)},{_num(y + r)} {_num(x - r)},{_num(y + r)}"/>'
    name = str(node.get("name") or node.get("id"))
    tip = f"{name} ({kind}{', ' + node['country'] if node.get('country') else ''}): weight {node.get('weight')}"
    href = "/entities/" + quote(name, safe="")
    return (f'<a href="{escape(href)}" class="node node-{escape(kind)}"><title>{escape(tip)}</title>{mark}'
            f'<text x="{_num(x)}" y="{_num(y - r - 4)}" text-anchor="middle">{escape(name)}</text></a>')


def network_svg(nodes: list[dict], edges: list[dict], *, size: int = 720) -> Markup:
    """Nodes (shape = entity type, area = weight) and edges (width = co-occurrence weight)."""
    index = {str(n.get("id")): i for i, n in enumerate(nodes)}
    pairs = [(index[str(e.get("source"))], index[str(e.get("target"))], float(e.get("weight") or 1))
             for e in edges if str(e.get("source")) in index and str(e.get("target")) in index]
    pos = layout(len(nodes), pairs) * (size - 2 * PAD - 40) + PAD + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart network" viewBox="0 0 {size} {size}" '
             f'role="img" aria-label="entity network"><title>entity network: {len(nodes)} entities, '
             f'{len(pairs)} links</title>']
    top = max((w for _, _, w in pairs), default=1.0)
    for a, b, w in pairs:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        parts.append(f'<line class="edge" x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
                     f'stroke-width="{_num(0.5 + 4 * w / top)}"><title>{escape(nodes[a].get("name"))} — '
                     f'{escape(nodes[b].get("name"))}: {w:g}</title></line>')
    heaviest = max((float(n.get("weight") or 1) for n in nodes), default=1.0)
    for i, node in enumerate(nodes):
        r = 4 + 12 * math.sqrt(float(node.get("weight") or 1) / heaviest)
        parts.append(_node(pos[i][0], pos[i][1], r, node))
    parts.append("</svg>")
    return Markup("".join(parts))
