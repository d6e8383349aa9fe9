"""The running action server matches what a person says against ESCO labels in its database.

rasa-sdk serves actions from a Sanic worker process; this checks that the
worker (not only the parent that registered the actions) reads the ESCO
occupations and skills imported while it runs. The ESCO test fixture goes
into the live stack's database through the real importer command, then
the goal form's validation action is called over the action server's
HTTP API the way Rasa calls it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.live_stack import LiveStack

ROOT = Path(__file__).parents[2]
ESCO_FIXTURES = ROOT / "tests" / "fixtures" / "importers" / "esco"
#: The matcher rechecks the ESCO tables at most every 60 s (bot.matching.matcher.RECHECK_SECONDS).
WAIT_S = 90


def _validate_background(stack: LiveStack, text: str, domain: dict[str, Any]) -> dict[str, Any]:
    """What validate_goal_form answers when a Finnish speaker gives ``text`` as their background."""
    slots = {"language": "fi", "requested_slot": "background", "background": text}
    events = [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "inform", "confidence": 1.0}}},
        {"event": "slot", "name": "background", "value": text},
    ]
    payload = {
        "next_action": "validate_goal_form",
        "sender_id": "live-esco",
        "version": "3.6.21",
        "domain": domain,
        "tracker": {
            "sender_id": "live-esco",
            "slots": slots,
            "latest_message": {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": []},
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "goal_form"},
            "latest_action_name": "action_listen",
        },
    }
    response = httpx.post(
        f"{stack.action_url}/webhook",
        json=payload,
        headers={"Authorization": f"Bearer {stack.action_server_token}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_background_text_finds_skills_imported_from_esco_while_running(live_stack: LiveStack) -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    text = "Olen analysoinut massadataa kaupan varastossa."
    before = _validate_background(live_stack, text, domain)
    skills_before = [e.get("value") or [] for e in before["events"] if e.get("name") == "skills"]
    assert not any("analyse big data" in skills for skills in skills_before)

    imported = subprocess.run(
        [sys.executable, "-m", "bot.catalogue.importers", "esco", "--csv", str(ESCO_FIXTURES),
         "--database-url", live_stack.database_url, "--no-progress"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr

    deadline = time.monotonic() + WAIT_S
    while True:
        answer = _validate_background(live_stack, text, domain)
        skills = next((e["value"] for e in answer["events"] if e.get("name") == "skills"), [])
        if "analyse big data" in (skills or []) or time.monotonic() > deadline:
            break
        time.sleep(5)
    assert "analyse big data" in skills, answer
    shown = " ".join(m.get("text") or "" for m in answer["responses"])
    assert "analysoida massadataa" in shown, shown  # told back in the person's language
