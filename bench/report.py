"""Turns one bench/run.sh run into a console table and a JSON file (bench/results/)."""
import json, re, sys, pathlib

work, out = pathlib.Path(sys.argv[1]), sys.argv[2]

def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

def wrk(name):
    text = (work / name).read_text()
    pct = {p: ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", text, re.M)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    total = int(re.search(r"(\d+) requests in", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"rps": rps, "requests": total, "p50_ms": pct["50"], "p90_ms": pct["90"], "p99_ms": pct["99"],
            "non_2xx": int(errors.group(1)) if errors else 0}

result = {"non_streaming": {}, "streaming": {}}
for c in (1, 16, 64):
    d, g = wrk(f"direct-{c}.txt"), wrk(f"gateway-{c}.txt")
    before, after = map(float, (work / f"cpu-{c}.txt").read_text().split())
    result["non_streaming"][c] = {"direct": d, "gateway": g, "added_p50_ms": g["p50_ms"] - d["p50_ms"],
        "added_p99_ms": g["p99_ms"] - d["p99_ms"], "throughput_ratio": g["rps"] / d["rps"],
        "gateway_cpu_ms_per_request": (after - before) * 10 / max(1, g["requests"])}
for c in (1, 16):
    d = json.loads((work / f"sdirect-{c}.json").read_text()); g = json.loads((work / f"sgateway-{c}.json").read_text())
    result["streaming"][c] = {"direct": d, "gateway": g, "added_ttft_p50_ms": g["ttft_ms"]["p50"] - d["ttft_ms"]["p50"],
        "added_total_p50_ms": g["total_ms"]["p50"] - d["total_ms"]["p50"]}
md, mg = json.loads((work / "many-direct.json").read_text()), json.loads((work / "many-gateway.json").read_text())
heap = json.loads((work / "heap.json").read_text())["measurements"][0]["value"]
result["concurrency_2000_slow_streams"] = {"direct": md, "gateway": mg,
    "added_ttft_p50_ms": mg["ttft_ms"]["p50"] - md["ttft_ms"]["p50"], "added_ttft_p99_ms": mg["ttft_ms"]["p99"] - md["ttft_ms"]["p99"],
    "gateway_rss_mib": int((work / "rss.txt").read_text()) / 1024, "gateway_heap_used_mib": heap / 1048576}
pathlib.Path(out).write_text(json.dumps(result, indent=2) + "\n")

print(f"{'non-streaming':<16}{'conns':>6}{'direct rps':>12}{'gw rps':>10}{'ratio':>7}{'+p50 ms':>9}{'+p99 ms':>9}{'cpu ms/req':>11}")
for c, r in result["non_streaming"].items():
    print(f"{'':<16}{c:>6}{r['direct']['rps']:>12.0f}{r['gateway']['rps']:>10.0f}{r['throughput_ratio']:>7.2f}"
          f"{r['added_p50_ms']:>9.3f}{r['added_p99_ms']:>9.3f}{r['gateway_cpu_ms_per_request']:>11.3f}")
print(f"{'streaming 200 tok':<18}{'conns':>4}{'direct ttft':>13}{'gw ttft':>9}{'+ttft p50':>11}{'+total p50':>12}")
for c, r in result["streaming"].items():
    print(f"{'':<18}{c:>4}{r['direct']['ttft_ms']['p50']:>13.2f}{r['gateway']['ttft_ms']['p50']:>9.2f}"
          f"{r['added_ttft_p50_ms']:>11.2f}{r['added_total_p50_ms']:>12.2f}")
m = result["concurrency_2000_slow_streams"]
print(f"2000 slow streams: intact {mg['intact']}/{mg['streams']} (direct {md['intact']}), added ttft p50 "
      f"{m['added_ttft_p50_ms']:.1f} ms p99 {m['added_ttft_p99_ms']:.1f} ms, RSS {m['gateway_rss_mib']:.0f} MiB, "
      f"heap {m['gateway_heap_used_mib']:.0f} MiB")
print(f"written: {out}")
