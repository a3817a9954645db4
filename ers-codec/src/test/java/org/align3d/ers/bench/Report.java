package org.align3d.ers.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark's markdown table and JSON document. */
record Report(BenchmarkFlags flags, Dataset data, List<ErsBenchmark.Result> results, Machine machine) {

  record Machine(int cores, String jvm, List<String> jvmFlags) {}

  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%n%s, %d vectors x %d dims, %d queries, %s, k=%d; %d cores, %s%n%n",
        data.name(), data.docs().length, data.dims(), data.queries().length, flags.similarity(), flags.k(), machine.cores(), machine.jvm()));
    sb.append("ERS parameters: ").append(flags.ers()).append("\n\n");
    sb.append("| method | budget | build s | disk MB | resident MB | recall@").append(flags.k()).append(" | QPS | p50 ms | p99 ms |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ErsBenchmark.Result r : results) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.3f | %.0f | %.2f | %.2f |%n",
          r.method(), r.budget() == 0 ? "-" : Integer.toString(r.budget()), r.buildNanos() / 1e9, r.diskBytes() / 1e6,
          r.residentBytes() / 1e6, r.recall(), r.qps(), r.p50Ms(), r.p99Ms()));
    }
    return sb.toString();
  }

  String json() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append(String.format(Locale.ROOT, "  \"dataset\": %s,%n  \"vectors\": %d,%n  \"dims\": %d,%n  \"queries\": %d,%n  \"k\": %d,%n  \"similarity\": %s,%n  \"seed\": %d,%n  \"ers_parameters\": %s,%n",
        quote(data.name()), data.docs().length, data.dims(), data.queries().length, flags.k(), quote(flags.similarity().toString()), flags.seed(), quote(flags.ers().toString())));
    sb.append(String.format(Locale.ROOT, "  \"machine\": {\"cores\": %d, \"jvm\": %s, \"jvm_flags\": [", machine.cores(), quote(machine.jvm())));
    for (int i = 0; i < machine.jvmFlags().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(machine.jvmFlags().get(i)));
    }
    sb.append("]},\n  \"results\": [\n");
    for (int i = 0; i < results.size(); i++) {
      ErsBenchmark.Result r = results.get(i);
      sb.append(String.format(Locale.ROOT,
          "    {\"method\": %s, \"budget\": %d, \"build_seconds\": %.3f, \"disk_bytes\": %d, \"resident_bytes\": %d, \"recall\": %.4f, \"qps\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f}%s%n",
          quote(r.method()), r.budget(), r.buildNanos() / 1e9, r.diskBytes(), r.residentBytes(), r.recall(), r.qps(), r.p50Ms(), r.p99Ms(),
          i + 1 < results.size() ? "," : ""));
    }
    sb.append("  ]\n}\n");
    return sb.toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
