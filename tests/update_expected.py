"""Write tests/expected_verdicts.json from a summary.json (after reviewing every change!).

    verify run --profile ci --jobs 2 --out /tmp/pin && python tests/update_expected.py /tmp/pin/summary.json
"""
import json
import sys
from pathlib import Path

summary = json.loads(Path(sys.argv[1]).read_text())
if summary["profile"] != "ci" or summary["seed"] != 0:
    sys.exit("pin from a `--profile ci --seed 0` run")
expected = {"claims": {f"{r['paper']}:{r['id']}": r["verdict"] for r in summary["claims"]},
            "steps": {f"{c['paper']}:{c['chain']}:{s['step']}": s["verdict"] for c in summary["chains"] for s in c["steps"]}}
out = Path(__file__).with_name("expected_verdicts.json")
out.write_text(json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
print(f"wrote {out}: {len(expected['claims'])} claims, {len(expected['steps'])} steps")
