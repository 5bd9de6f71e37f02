"""Turns one bench/run.sh run into a console table and a JSON file (bench/results/). With BENCH_PEER=1 the run also
has the peer's files (peer-*.txt, speer-*.json, many-peer.json...): a "peer" section and peer columns are added."""
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

peer = (work / "many-peer.json").exists()
if peer:
    kib = lambda name: int((work / name).read_text()) / 1024
    result["peer"] = {"name": "Portkey open-source gateway (bench/peer)", "non_streaming": {}, "streaming": {}}
    for c in (1, 16, 64):
        d, g, p = wrk(f"direct-{c}.txt"), wrk(f"gateway-{c}.txt"), wrk(f"peer-{c}.txt")
        before, after = map(float, (work / f"peer-cpu-{c}.txt").read_text().split())
        result["peer"]["non_streaming"][c] = {"peer": p, "peer_throughput_ratio": p["rps"] / d["rps"],
            "peer_added_p50_ms": p["p50_ms"] - d["p50_ms"], "peer_added_p99_ms": p["p99_ms"] - d["p99_ms"],
            "gateway_to_peer_throughput_ratio": g["rps"] / p["rps"],
            "peer_cpu_ms_per_request": (after - before) * 10 / max(1, p["requests"]),
            "gateway_to_peer_cpu_ratio": result["non_streaming"][c]["gateway_cpu_ms_per_request"]
                / max(1e-9, (after - before) * 10 / max(1, p["requests"]))}
    for c in (1, 16):
        d = result["streaming"][c]["direct"]; p = json.loads((work / f"speer-{c}.json").read_text())
        result["peer"]["streaming"][c] = {"peer": p, "peer_added_ttft_p50_ms": p["ttft_ms"]["p50"] - d["ttft_ms"]["p50"],
            "peer_added_total_p50_ms": p["total_ms"]["p50"] - d["total_ms"]["p50"]}
    mp = json.loads((work / "many-peer.json").read_text())
    result["peer"]["concurrency_2000_slow_streams"] = {"peer": mp,
        "peer_added_ttft_p50_ms": mp["ttft_ms"]["p50"] - md["ttft_ms"]["p50"],
        "peer_added_ttft_p99_ms": mp["ttft_ms"]["p99"] - md["ttft_ms"]["p99"],
        "peer_rss_mib": kib("peer-rss.txt"), "peer_rss_peak_mib": kib("peer-rss-peak.txt"),
        "gateway_rss_peak_mib": kib("rss-peak.txt"),
        "gateway_to_peer_rss_ratio": result["concurrency_2000_slow_streams"]["gateway_rss_mib"] / kib("peer-rss.txt")}
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
if peer:
    print("peer: Portkey open-source gateway, same upstream and clients, measured right after the gateway")
    print(f"{'non-streaming':<16}{'conns':>6}{'peer rps':>10}{'ratio':>7}{'+p50 ms':>9}{'+p99 ms':>9}{'cpu ms/req':>11}"
          f"{'gw/peer rps':>13}{'gw/peer cpu':>13}{'non-2xx':>9}")
    for c, r in result["peer"]["non_streaming"].items():
        print(f"{'':<16}{c:>6}{r['peer']['rps']:>10.0f}{r['peer_throughput_ratio']:>7.2f}{r['peer_added_p50_ms']:>9.3f}"
              f"{r['peer_added_p99_ms']:>9.3f}{r['peer_cpu_ms_per_request']:>11.3f}"
              f"{r['gateway_to_peer_throughput_ratio']:>13.2f}{r['gateway_to_peer_cpu_ratio']:>13.2f}{r['peer']['non_2xx']:>9}")
    print(f"{'streaming 200 tok':<18}{'conns':>4}{'peer ttft':>11}{'+ttft p50':>11}{'+total p50':>12}{'gw +ttft':>10}")
    for c, r in result["peer"]["streaming"].items():
        print(f"{'':<18}{c:>4}{r['peer']['ttft_ms']['p50']:>11.2f}{r['peer_added_ttft_p50_ms']:>11.2f}"
              f"{r['peer_added_total_p50_ms']:>12.2f}{result['streaming'][c]['added_ttft_p50_ms']:>10.2f}")
    pm = result["peer"]["concurrency_2000_slow_streams"]
    print(f"2000 slow streams (peer): intact {mp['intact']}/{mp['streams']} (direct {md['intact']}), added ttft p50 "
          f"{pm['peer_added_ttft_p50_ms']:.1f} ms p99 {pm['peer_added_ttft_p99_ms']:.1f} ms, RSS {pm['peer_rss_mib']:.0f} MiB "
          f"(peak {pm['peer_rss_peak_mib']:.0f}; gateway peak {pm['gateway_rss_peak_mib']:.0f}), "
          f"gateway/peer RSS {pm['gateway_to_peer_rss_ratio']:.2f}")
print(f"written: {out}")
