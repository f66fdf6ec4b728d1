#!/usr/bin/env python3
"""Edge's appliance soak (issue 6), side by side in one run on this machine:

  edge (NativeAOT) | edge (JIT) | NUT's snmp-ups driver | prometheus-snmp-exporter (scraped every 30 s)
  [| edge (NativeAOT, baseline): another build, e.g. main's, with --edge-baseline]

1. Start-up: each program alone, --startup-runs times, from exec to its first completed poll:
     edge      the log line of the rule 'bench-first-poll' (fires on the first reading with reachable > 0.5)
     snmp-ups  the first DUMPALL on the driver's socket that says DATAOK
     exporter  the first scrape of the simulated UPS that returns upsBatteryStatus
2. Soak: all four at once for --minutes; every 30 s VmRSS/VmHWM, CPU time and /proc/PID/io of each.
   Bytes written per day are extrapolated from write_bytes (what reached the block layer) and wchar (every
   write(2), including the log on stdout, which journald would write to disk).
   Each edge listens on a status endpoint of its own, and its /metrics is scraped every 30 s like the exporter's.

Edge reads 4 hwmon sensors (files under --work, one of them toggling between 24 and 29 °C every 150 s so rules
fire and resolve) with 30 rules, and every SNMP device of the simulator when the edge under test accepts an
"snmp" section (the current build is probed with `edge config check`). NUT and the exporter poll the simulated UPS.
Standard library only; run by bench/appliance/run.sh, which builds the binaries and starts snmpsimd.
"""
import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request

UPS_COMMUNITY = "cyberpower_pr2200rt2uc"
SNMP_FIXTURES = ["apc_ap8853", "apc_smx750i", "cyberpower_pr2200rt2uc", "eatonpdu_2", "generex-ups_cs141",
                 "raritan-pdu_px2-temp", "sentry4_switched8i"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", required=True)
    p.add_argument("--edge-aot", required=True)
    p.add_argument("--edge-jit", required=True)
    p.add_argument("--edge-baseline", help="another NativeAOT build (e.g. main's), measured side by side")
    p.add_argument("--snmp-port", type=int, required=True)
    p.add_argument("--exporter-port", type=int, required=True)
    p.add_argument("--exporter-config", required=True)
    p.add_argument("--minutes", type=float, default=10, help="0: measure start-up only")
    p.add_argument("--startup-runs", type=int, default=5)
    p.add_argument("--out", required=True, help="markdown results file")
    return p.parse_args()


# ---------------------------------------------------------------------------------------------------------- setup

def write_sensors(work):
    dirs = []
    for i in range(1, 5):
        d = os.path.join(work, f"hwmon{i}")
        os.makedirs(d, exist_ok=True)
        write_atomically(os.path.join(d, "temp1_input"), f"{22000 + 500 * i}\n")
        write_atomically(os.path.join(d, "humidity1_input"), f"{40000 + 1000 * i}\n")
        dirs.append(d)
    return dirs


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def rules():
    r = [{"id": "bench-first-poll", "type": "sensor", "select": "rack-1", "metric": "reachable", "above": 0.5,
          "severity": "info"}]
    for i in range(1, 5):
        s = f"rack-{i}"
        r += [
            {"id": f"{s}-hot", "type": "sensor", "select": s, "metric": "temperature_c", "above": 27, "clear": 26},
            {"id": f"{s}-cold", "type": "sensor", "select": s, "metric": "temperature_c", "below": 15, "clear": 16},
            {"id": f"{s}-humid", "type": "sensor", "select": s, "metric": "humidity_pct", "above": 70, "for": "1m"},
            {"id": f"{s}-dry", "type": "sensor", "select": s, "metric": "humidity_pct", "below": 20, "for": "1m"},
            {"id": f"{s}-warm-avg", "type": "sensor", "select": s, "metric": "temperature_c", "above": 26,
             "window": "5m", "aggregate": "avg"},
            {"id": f"{s}-rising", "type": "sensor", "select": s, "metric": "temperature_c", "rising": 3,
             "window": "2m"},
        ]
    r += [{"id": "any-offline", "type": "sensor", "metric": "reachable", "below": 0.5, "for": "1m"},
          {"id": "dewpoint-high", "type": "sensor", "metric": "dewpoint_c", "above": 17, "for": "5m"}]
    r.append({"preset": "ashrae-a1"})  # three rules
    return r  # 1 + 24 + 2 + 3 = 30


def free_tcp_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def edge_config(work, sensor_dirs, snmp, status_port=None):
    cfg = {
        "appliance": {"id": "bench"},
        "status": {"listen": f"127.0.0.1:{status_port}" if status_port else "none"},
        "stateDir": os.path.join(work, "state"),
        "sensors": [{"id": f"rack-{i + 1}", "driver": "hwmon", "path": d, "interval": "10s"}
                    for i, d in enumerate(sensor_dirs)],
        "rules": rules(),
    }
    if snmp:
        cfg["snmp"] = snmp
    return cfg


def snmp_devices(host_form, port):
    devices = []
    for n in range(10):
        community = SNMP_FIXTURES[n % len(SNMP_FIXTURES)]
        d = {"id": f"dev-{n + 1}", "version": "2c", "community": community, "profile": "auto", "interval": "30s"}
        d.update(host_form(port))
        devices.append(d)
    return devices


def probe_snmp_support(edge, work, sensor_dirs, port):
    """The first spelling of an SNMP device that this edge build accepts, or None (no SNMP support yet)."""
    forms = [lambda p: {"host": "127.0.0.1", "port": p}, lambda p: {"host": f"127.0.0.1:{p}"}]
    for form in forms:
        path = os.path.join(work, "probe.json")
        with open(path, "w") as f:
            json.dump(edge_config(work, sensor_dirs, snmp_devices(form, port)), f)
        if subprocess.run([edge, "config", "check", "--config", path], capture_output=True).returncode == 0:
            return snmp_devices(form, port)
    return None


def nut_config(work, port):
    d = os.path.join(work, "nut")
    os.makedirs(os.path.join(d, "state"), exist_ok=True)
    with open(os.path.join(d, "ups.conf"), "w") as f:
        f.write(f"[bench]\n  driver = snmp-ups\n  port = 127.0.0.1:{port}\n  community = {UPS_COMMUNITY}\n"
                f"  snmp_version = v2c\n  mibs = auto\n  pollinterval = 30\n")
    return {"NUT_CONFPATH": d, "NUT_STATEPATH": os.path.join(d, "state")}


# ---------------------------------------------------------------------------------------------------- programs

class Program:
    def __init__(self, name, argv, env=None, log=None):
        self.name, self.argv, self.env, self.log_path = name, argv, env or {}, log
        self.proc = None
        self.started = None
        self.lines = []
        self.first_line_at = {}
        self.stdout_bytes = 0

    def start(self):
        env = dict(os.environ)
        env.update(self.env)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(self.argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        log = open(self.log_path, "ab") if self.log_path else None
        for raw in self.proc.stdout:
            now = time.monotonic()
            self.stdout_bytes += len(raw)
            if log:
                log.write(raw)
            self.lines.append((now, raw.decode(errors="replace")))
        if log:
            log.close()

    def wait_line(self, text, limit):
        deadline = time.monotonic() + limit
        seen = 0
        while time.monotonic() < deadline:
            for at, line in self.lines[seen:]:
                if text in line:
                    return at
            seen = len(self.lines)
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited {self.proc.returncode}: {''.join(l for _, l in self.lines)[-2000:]}")
            time.sleep(0.002)
        raise TimeoutError(f"{self.name}: no '{text}' within {limit} s")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    @property
    def pid(self):
        return self.proc.pid


def nut_data_ok(statepath, limit, started):
    """Polls the snmp-ups driver's socket (what upsd reads) until a DUMPALL says DATAOK."""
    sock_path = os.path.join(statepath, "snmp-ups-bench")
    deadline = started + limit
    while time.monotonic() < deadline:
        if os.path.exists(sock_path):
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                    s.settimeout(1)
                    s.connect(sock_path)
                    s.sendall(b"DUMPALL\n")
                    data = b""
                    while b"DUMPDONE" not in data:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    if b"\nDATAOK" in data or data.startswith(b"DATAOK"):
                        return time.monotonic()
            except OSError:
                pass
        time.sleep(0.002)
    raise TimeoutError("snmp-ups: no DATAOK")


def scrape(port, snmp_port):
    url = f"http://127.0.0.1:{port}/snmp?module=ups_mib&target=127.0.0.1:{snmp_port}"
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode()


def exporter_first_scrape(port, snmp_port, limit, started):
    deadline = started + limit
    while time.monotonic() < deadline:
        try:
            if "\nupsBatteryStatus " in scrape(port, snmp_port):
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.002)
    raise TimeoutError("exporter: no successful scrape")


# --------------------------------------------------------------------------------------------------- measuring

def cpu_ns(pid):
    """Time the process has spent on a CPU so far (all threads), from /proc/PID/schedstat, in ms."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total / 1e6


def proc_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0])  # kB
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            k, _, v = line.partition(":")
            out[k.strip()] = int(v)
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    out["cpu_s"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def main():
    a = parse_args()
    os.makedirs(a.work, exist_ok=True)
    os.makedirs(os.path.join(a.work, "state"), exist_ok=True)
    sensor_dirs = write_sensors(a.work)
    snmp = probe_snmp_support(a.edge_aot, a.work, sensor_dirs, a.snmp_port)
    cfg_path = os.path.join(a.work, "edge.json")
    with open(cfg_path, "w") as f:
        json.dump(edge_config(a.work, sensor_dirs, snmp), f, indent=2)
    check = subprocess.run([a.edge_aot, "config", "check", "--config", cfg_path], capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"the bench configuration is not valid:\n{check.stderr}")
    nut_env = nut_config(a.work, a.snmp_port)

    def edge_program(kind, binary, phase="startup"):
        # A fresh state directory each start: a restored alert state would not fire bench-first-poll again.
        state = tempfile.mkdtemp(prefix=f"state-{kind}-", dir=a.work)
        # A status endpoint of its own for each edge (they run at the same time in the soak).
        port = free_tcp_port()
        own_cfg = os.path.join(a.work, f"edge-{kind}-{phase}.json")
        with open(own_cfg, "w") as f:
            json.dump(edge_config(a.work, sensor_dirs, snmp, port), f, indent=2)
        program = Program(f"edge ({kind})", [binary, "run", "--config", own_cfg, "--state-dir", state],
                          log=os.path.join(a.work, f"edge-{kind}-{phase}.log"))
        program.status_port = port
        return program

    def nut_program():
        return Program("NUT snmp-ups", ["/lib/nut/snmp-ups", "-a", "bench", "-u", "root", "-F"], env=nut_env,
                       log=os.path.join(a.work, "nut.log"))

    def exporter_program():
        return Program("prometheus-snmp-exporter", ["prometheus-snmp-exporter", f"--config.file={a.exporter_config}",
                       f"--web.listen-address=127.0.0.1:{a.exporter_port}"], log=os.path.join(a.work, "exporter.log"))

    # 1. start-up, each program alone
    startup, startup_cpu = {}, {}
    baseline = [("edge (NativeAOT, baseline)", lambda: edge_program("baseline", a.edge_baseline),
                 lambda p: p.wait_line("bench-first-poll", 60))] if a.edge_baseline else []
    for name, make, first in baseline + [
        ("edge (NativeAOT)", lambda: edge_program("aot", a.edge_aot), lambda p: p.wait_line("bench-first-poll", 60)),
        ("edge (JIT)", lambda: edge_program("jit", a.edge_jit), lambda p: p.wait_line("bench-first-poll", 60)),
        ("NUT snmp-ups", nut_program, lambda p: nut_data_ok(nut_env["NUT_STATEPATH"], 60, p.started)),
        ("prometheus-snmp-exporter", exporter_program,
         lambda p: exporter_first_scrape(a.exporter_port, a.snmp_port, 60, p.started)),
    ]:
        times, cpus = [], []
        for _ in range(a.startup_runs):
            p = make()
            p.start()
            try:
                times.append((first(p) - p.started) * 1000)
                cpus.append(cpu_ns(p.pid))
            finally:
                p.stop()
            time.sleep(0.5)
        startup[name] = times
        startup_cpu[name] = cpus
        print(f"start-up {name}: " + ", ".join(f"{t:.0f}" for t in times) + " ms; CPU time by then: "
              + ", ".join(f"{c:.0f}" for c in cpus) + " ms", flush=True)
    if a.minutes <= 0:
        table = ["| program | start-up to first completed poll, ms: median (min–max) | CPU time used by then, ms: median (min–max) |",
                 "| --- | ---: | ---: |"]
        for n in startup:
            t, c = startup[n], startup_cpu[n]
            table.append(f"| {n} | {statistics.median(t):.0f} ({min(t):.0f}–{max(t):.0f}) "
                         f"| {statistics.median(c):.0f} ({min(c):.0f}–{max(c):.0f}) |")
        text = f"Start-up only, {a.startup_runs} runs each.\n\n" + "\n".join(table) + "\n"
        print(text)
        with open(a.out, "w") as f:
            f.write(text)
        return

    # 2. the soak, all at once
    programs = [edge_program("aot", a.edge_aot, "soak"), edge_program("jit", a.edge_jit, "soak"), nut_program(), exporter_program()]
    names = ["edge (NativeAOT)", "edge (JIT)", "NUT snmp-ups", "prometheus-snmp-exporter"]
    if a.edge_baseline:
        programs.insert(0, edge_program("baseline", a.edge_baseline, "soak"))
        names.insert(0, "edge (NativeAOT, baseline)")
    for p, n in zip(programs, names):
        p.name = n
        p.start()
    stop = threading.Event()

    def scraper():
        exporter_first_scrape(a.exporter_port, a.snmp_port, 30, time.monotonic())  # once it listens
        while not stop.wait(30):
            try:
                scrape(a.exporter_port, a.snmp_port)
            except OSError as e:
                print(f"scrape failed: {e}", flush=True)
            for p in programs:
                if getattr(p, "status_port", None):
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{p.status_port}/metrics", timeout=10) as r:
                            r.read()
                    except OSError as e:
                        print(f"{p.name}: /metrics failed: {e}", flush=True)

    def toggler():
        hot = False
        while not stop.wait(150):
            hot = not hot
            write_atomically(os.path.join(sensor_dirs[1], "temp1_input"), "29000\n" if hot else "23000\n")

    threading.Thread(target=scraper, daemon=True).start()
    threading.Thread(target=toggler, daemon=True).start()
    t0 = time.monotonic()
    first = {p.name: proc_status(p.pid) for p in programs}
    samples = {p.name: [] for p in programs}
    end = t0 + a.minutes * 60
    while time.monotonic() < end:
        time.sleep(min(30, max(0.0, end - time.monotonic())))
        for p in programs:
            if p.proc.poll() is not None:
                raise SystemExit(f"{p.name} exited {p.proc.returncode} during the soak")
            samples[p.name].append(dict(proc_status(p.pid), at=time.monotonic()))
        print(f"{(time.monotonic() - t0) / 60:.1f} min: " + ", ".join(
            f"{p.name} {samples[p.name][-1]['VmRSS'] / 1024:.1f} MB" for p in programs), flush=True)
    elapsed = time.monotonic() - t0
    last = {p.name: samples[p.name][-1] for p in programs}
    since_start = {p.name: time.monotonic() - p.started for p in programs}
    stop.set()
    for p in programs:
        p.stop()

    # 3. the table
    day = 86400

    def steady(n, key):
        """Bytes/day after the first sample: without the one-off writes of start-up (a new database, its schema)."""
        b, e = samples[n][0], samples[n][-1]
        return (e[key] - b[key]) / max(1.0, e["at"] - b["at"]) * day / 1e6

    def events(p):
        """Alert events edge logged during the soak (one line each); what its database writes are for."""
        if not p.name.startswith("edge") or not p.log_path:
            return "–"
        with open(p.log_path, errors="replace") as f:
            return str(sum(1 for line in f if "Alert Trigger" in line or "Alert Resolve" in line))
    rows = []
    for p in programs:
        n = p.name
        s, f = last[n], first[n]
        t = startup[n]
        rows.append(
            f"| {n} | {s['VmRSS'] / 1024:.1f} | {s['VmHWM'] / 1024:.1f} | {statistics.median(t):.0f} ({min(t):.0f}–{max(t):.0f}) "
            f"| {statistics.median(startup_cpu[n]):.0f} "
            f"| {(s['cpu_s'] - f['cpu_s']) / elapsed * 100:.2f} "
            f"| {s['write_bytes'] / since_start[n] * day / 1e6:.2f} | {steady(n, 'write_bytes'):.2f} "
            f"| {s['wchar'] / since_start[n] * day / 1e6:.2f} | {events(p)} |")
    header = [
        f"Soak of {elapsed / 60:.1f} min; start-up over {a.startup_runs} runs each. Edge: 4 hwmon sensors (10 s), "
        f"{len(rules()) - 1 + 3} rules ({len(rules()) - 1} written out + the ashrae-a1 preset's 3), "
        + (f"{len(snmp)} SNMP devices (30 s)." if snmp else "no SNMP devices (this build has no SNMP source yet).")
        + f" NUT and the exporter: the simulated UPS ({UPS_COMMUNITY}) every 30 s.",
        "",
        "| program | RSS after soak (MB) | peak RSS (MB) | start-up to first completed poll, ms: median (min–max) "
        "| CPU time to first poll, ms (median) | CPU % of one core | disk writes/day, write_bytes (MB) "
        "| the same after the first 30 s (MB/day) | all writes/day incl. log, wchar (MB) | alert events in the soak |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ] + rows
    table = "\n".join(header) + "\n"
    print(table)
    with open(a.out, "w") as f:
        f.write(table)


if __name__ == "__main__":
    main()
