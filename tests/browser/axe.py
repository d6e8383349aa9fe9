"""axe-core in the browser tests: WCAG 2.1 A and AA, experimental rules of those tags included.

``run_axe(page, axe_source)`` injects axe-core (widget/node_modules) and runs it on the
whole document (open shadow roots included) with ``runOnly`` the tags of
``WCAG_TAGS`` and, on top, every rule axe marks ``experimental`` that carries one
of those tags (``label-content-name-mismatch`` for SC 2.5.3 Label in Name,
``css-orientation-lock``, ...): axe leaves experimental rules off by default,
so a plain ``axe.run()`` never checks Label in Name.

axe's own rule only checks that the visible text occurs somewhere in the name,
letters anywhere: 'Öppna chatten: DigiPoint karriärguide' passes for a button
showing 'Chatt', yet a speech-input user who says "click Chatt" gets nothing,
and WCAG's Understanding 2.5.3 asks for the visible words at the start of the
name. So ``run_axe`` adds one rule of its own, ``label-in-name-start``
(tags wcag21a, wcag253): a control named by aria-label or aria-labelledby whose
visible text is words must have a name that begins with those same words.

It returns the violations in a short form (rule id, impact, help, first five
targets) so an assertion message says what is wrong where, and the ids of the
rules that were enabled, so a test can check that they really ran.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

WCAG_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

# Registers label-in-name-start once per page (axe.configure keeps it until reload).
_CONFIGURE = """() => {
  if (window.__labelInNameStart) return;
  window.__labelInNameStart = true;
  const words = (text) => (text.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) || []);
  axe.configure({
    checks: [{
      id: 'label-in-name-start',
      evaluate: function (node, options, virtualNode) {
        const visible = words(axe.commons.text.subtreeText(virtualNode, {subtreeDescendant: true,
          ignoreIconLigature: true}));
        if (visible.length === 0) return true;
        const name = words(axe.commons.text.accessibleTextVirtual(virtualNode));
        this.data({visible: visible.join(' '), name: name.join(' ')});
        return visible.every((word, i) => name[i] === word);
      },
      metadata: {impact: 'serious', messages: {
        pass: 'The accessible name starts with the visible words',
        fail: (result) => `The name "${result.data.name}" does not start with the visible words `
          + `"${result.data.visible}"`,
      }},
    }],
    rules: [{
      id: 'label-in-name-start',
      matches: 'label-content-name-mismatch-matches',
      tags: ['cat.semantics', 'wcag21a', 'wcag253'],
      all: [], any: ['label-in-name-start'], none: [],
      metadata: {
        description: 'A control named by aria-label starts its name with the words it shows (WCAG 2.5.3)',
        help: 'The accessible name must start with the visible label, word for word',
      },
    }],
  });
}"""

# Runs in the page: the experimental rules of the WCAG tags, then axe.run with both.
_RUN = """async (tags) => {
  const experimental = axe.getRules(['experimental'])
    .filter((rule) => rule.tags.some((tag) => tags.includes(tag)))
    .map((rule) => rule.ruleId);
  const rules = Object.fromEntries(experimental.map((id) => [id, {enabled: true}]));
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
  const ran = [...result.passes, ...result.incomplete, ...result.inapplicable, ...result.violations]
    .map((rule) => rule.id);
  return {
    experimental,
    ran,
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({target: n.target, summary: n.failureSummary})),
    })),
  };
}"""


def run_axe(page: Page, axe_source: str) -> dict[str, Any]:
    """Inject axe-core into ``page`` and check it against WCAG 2.1 A and AA.

    Args:
        page: a loaded page; its CSP must allow inline scripts (open the
            context with ``bypass_csp=True``), axe is injected inline.
        axe_source: the text of axe-core's ``axe.min.js``.

    Returns:
        ``{"violations": [...], "experimental": [rule ids enabled on top],
        "ran": [ids of every rule that ran]}``.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    page.evaluate(_CONFIGURE)
    result: dict[str, Any] = page.evaluate(_RUN, list(WCAG_TAGS))
    return result


def assert_no_violations(page: Page, axe_source: str, where: str) -> None:
    """Fail with axe's findings if ``page`` breaks any WCAG 2.1 A/AA rule.

    ``where`` names the page and state in the failure message ("espoo/sv, open, mobile").
    Also fails if a Label in Name rule (axe's ``label-content-name-mismatch``,
    our ``label-in-name-start``) did not run.
    """
    result = run_axe(page, axe_source)
    for rule in ("label-content-name-mismatch", "label-in-name-start"):
        assert rule in result["ran"], (where, rule, result["experimental"])
    lines = [f"{where}: {len(result['violations'])} axe violation(s)"]
    for violation in result["violations"]:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node['summary']}" for node in violation["nodes"])
    assert result["violations"] == [], "\n".join(lines)
