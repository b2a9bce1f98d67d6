package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of bad input: each case is a command line (in process, through {@link
 * Main#execute}), the exit code it must give, words its message must contain, and the promise
 * that holds for all of them: the message is one line on stderr (a sweep file with several
 * errors lists them, one per line, under one heading), no stack trace, and nothing is written
 * in the fixture folder. {@code @/} in an argument stands for the fixture folder.
 */
class BadInputCatalogueTest {
  /** The classes of bad input of the hardening issue, each represented in the catalogue. */
  enum Kind {
    RESOURCES, CONTRADICTION, USAGE, LIBRARY_MESSAGE, RANGE, IGNORED_INPUT, SWEEP_FILE, STORE,
    NAMES
  }

  /**
   * One case.
   *
   * @param words lower-case words the message must contain (in stderr, or stdout for warnings)
   */
  record Case(Kind kind, int exit, List<String> words, String[] args) {
    @Override
    public String toString() {
      return kind + " " + String.join(" ", args);
    }
  }

  @TempDir static Path fixtures;

  private static final List<Case> CASES = new ArrayList<>();

  private static void add(Kind kind, int exit, String words, String... args) {
    CASES.add(new Case(kind, exit, words.isEmpty() ? List.of()
        : List.of(words.toLowerCase(Locale.ROOT).split("\\|")), args));
  }

  private static final String[] RUN = {"run", "--activation", "relu", "-k", "1", "-d", "3",
      "-n", "200", "--set", "gd.max-iterations=1"};

  private static String[] run(String... more) {
    String[] all = Arrays.copyOf(RUN, RUN.length + more.length);
    System.arraycopy(more, 0, all, RUN.length, more.length);
    return all;
  }

  /** The same command line with a different value for one option of {@link #RUN}. */
  private static String[] runWith(String option, String value) {
    String[] args = RUN.clone();
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(option)) {
        args[i + 1] = value;
        return args;
      }
    }
    return run(option, value);
  }

  @BeforeAll
  static void fixtures() throws IOException {
    write("good.yaml", sweep("n: 100"));
    write("edited.yaml", sweep("n: 200"));
    SplittableRandom random = new SplittableRandom(7);
    byte[] binary = new byte[300];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i == 0 ? 0xFF : random.nextInt(256));
    }
    for (String name : List.of("bin.csv", "bin.yaml", "bin.json")) {
      Files.write(fixtures.resolve(name), binary);
    }
    StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
    for (int i = 0; i < 50; i++) {
      csv.append(i % 3).append(',').append(i % 5).append(',').append(i % 7).append(',')
          .append(i % 2).append('\n');
    }
    write("data.csv", csv.toString());
    write("data.txt", csv.toString());
    write("ragged.csv", "1,2,3\n1,2\n");
    write("nan.csv", "1,2,3\n1,nan,3\n");
    write("mixed.csv", "x1,2,y\n1,2,3\n");
    write("empty.csv", "");
    write("words.csv", "a,b,c\nd,e,f\n");
    write("bad.npy", "not a numpy file at all");
    write("truth.json", "{\"W\": [[1], [0], [0]], \"v\": [1]}");
    write("truth-d2.json", "{\"W\": [[1], [0]], \"v\": [1]}");
    write("nan.json", "{\"W\": [[NaN], [0], [0]], \"v\": [1]}");
    write("inf.json", "{\"W\": [[Infinity], [0], [0]], \"v\": [1]}");
    write("torn.json", "{\"W\": [[1");
    write("list.json", "[1, 2]");
    write("nov.json", "{\"W\": [[1], [0], [0]]}");
    write("extra.json", "{\"W\": [[1], [0], [0]], \"v\": [1], \"b\": 2}");
    write("text.json", "{\"W\": [[\"one\"], [0], [0]], \"v\": [1]}");
    Files.createDirectories(fixtures.resolve("folder.csv"));
    Files.createDirectories(fixtures.resolve("dangling"));
    Files.createSymbolicLink(fixtures.resolve("dangling/broken.jar"),
        fixtures.resolve("dangling/missing.jar"));
    // a store with one finished run, then copies of it with damage
    Main.execute(new String[] {"ablate", at("@/good.yaml"), "--out", at("@/store"), "--threads",
        "1"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    String line = Files.readString(fixtures.resolve("store/runs.jsonl"));
    assertTrue(line.startsWith("{"), "the fixture store has its run");
    Files.createDirectories(fixtures.resolve("garbage"));
    write("garbage/runs.jsonl", line + "this is not json\n" + line.replace("\"seed\":1",
        "\"seed\":2"));
    write("garbage/sweep.yaml", sweep("n: 100"));
    Files.createDirectories(fixtures.resolve("empty-store"));
    write("empty-store/runs.jsonl", "");
    Files.createDirectories(fixtures.resolve("no-store"));
    catalogue();
  }

  private static String sweep(String nLine) {
    return "name: g\nseeds: 1\nfixed:\n  activation: relu\n  initializer: random\n  d: 3\n"
        + "  k: 1\n  " + nLine + "\n  gd.max-iterations: 2\n";
  }

  /** A sweep file in the fixture folder from the lines given; returns its path. */
  private static String sweepFile(String name, String text) {
    try {
      write(name, text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return at("@/" + name);
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(fixtures.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String at(String arg) {
    return arg.startsWith("@/") ? fixtures.resolve(arg.substring(2)).toString() : arg;
  }

  private static void catalogue() {
    usage();
    ranges();
    resources();
    contradictions();
    libraryMessages();
    ignoredInput();
    sweepFiles();
    stores();
    names();
  }

  private static void usage() {
    Kind u = Kind.USAGE;
    add(u, 2, "'-d'|not an int|-d=d|nnrecover run --help", runWith("-d", "x"));
    add(u, 2, "'-d'|not an int", runWith("-d", "1.5"));
    add(u, 2, "'-k'|not an int|-k=k", runWith("-k", "two"));
    add(u, 2, "'-n'|not an int|-n=n", runWith("-n", "1e4"));
    add(u, 2, "'-n'|not an int", runWith("-n", "99999999999"));
    add(u, 2, "--kappa|kappa", run("--kappa", "abc"));
    add(u, 2, "--noise|sigma", run("--noise", "lots"));
    add(u, 2, "--seed|'x'", run("--seed", "x"));
    add(u, 2, "--seed", run("--seed", "1.5"));
    add(u, 2, "--threads|'many'", run("--threads", "many"));
    add(u, 2, "--format|see 'nnrecover run --help'", run("--format"));
    add(u, 2, "--activation|missing", "run", "-k", "1", "-d", "3", "-n", "10");
    add(u, 2, "-k=k|missing", "run", "--activation", "relu", "-d", "3", "-n", "10");
    add(u, 2, "missing|--activation|-k", "run");
    add(u, 2, "unknown option|'--foo'", run("--foo"));
    add(u, 2, "unknown option|did you mean", run("--treads", "2"));
    add(u, 2, "unmatched argument|extra", run("extra"));
    add(u, 2, "--set|plugin.param=value", run("--set"));
    add(u, 2, "sweep.yaml|missing|see 'nnrecover ablate --help'", "ablate", "--out", "@/o");
    add(u, 2, "--out|missing", "ablate", "@/good.yaml");
    add(u, 2, "--max-runs|'lots'", "ablate", "@/good.yaml", "--out", "@/o", "--max-runs", "lots");
    add(u, 2, "--threads", "ablate", "@/good.yaml", "--out", "@/o", "--threads", "two");
    add(u, 2, "unknown option|'--resmue'", "ablate", "@/good.yaml", "--out", "@/o", "--resmue");
    add(u, 2, "dir|missing|see 'nnrecover report --help'", "report");
    add(u, 2, "--target|'abc'", "report", "@/store", "--target", "abc");
    add(u, 2, "unknown option|'--foo'", "report", "@/store", "--foo");
    add(u, 2, "experiment|missing", "reproduce");
    add(u, 2, "--threads|'x'", "reproduce", "fig1c", "--threads", "x", "--out", "@/o");
    add(u, 2, "missing|-d", "lsc", "--activation", "relu", "-k", "1");
    add(u, 2, "'-k'|not an int", "lsc", "--activation", "relu", "-d", "3", "-k", "x");
    add(u, 2, "--kappa", "lsc", "--activation", "relu", "-d", "3", "-k", "1", "--kappa", "x");
    add(u, 2, "'-n'", "lsc", "--activation", "relu", "-d", "3", "-k", "1", "-n", "many");
    add(u, 2, "--activation|missing", "properties");
    add(u, 2, "unknown option|'--foo'", "properties", "--activation", "relu", "--foo");
    add(u, 2, "--threads", "plugins", "--threads", "x");
    add(u, 2, "unmatched argument", "plugins", "extra");
    add(u, 2, "dir|missing|nnrecover store repair --help", "store", "repair");
    add(u, 2, "unmatched argument|'fix'", "store", "fix", "@/store");
    add(u, 2, "unmatched argument|'rnu'", "rnu");
    add(u, 2, "--format|'xml'|text or json", run("--format", "xml"));
  }

  private static void ranges() {
    Kind r = Kind.RANGE;
    // rules across parameters (PluginProvider.validate) refuse the spec before any data are made
    add(r, 2, "line-search.curvature = 1.0e-5|must exceed line-search.armijo", "run",
        "--activation", "relu", "-k", "1", "-d", "3", "-n", "200", "--optimizer", "line-search",
        "--set", "line-search.wolfe=true", "--set", "line-search.curvature=0.00001");
    add(r, 2, "lbfgs.curvature = 0.5|must exceed lbfgs.armijo = 0.5", "run", "--activation",
        "relu", "-k", "1", "-d", "3", "-n", "200", "--optimizer", "lbfgs", "--set",
        "lbfgs.curvature=0.5", "--set", "lbfgs.armijo=0.5");
    for (String kappa : List.of("0", "0.5", "-1", "1e7", "1e308", "NaN", "Infinity",
        "-Infinity")) {
      add(r, 2, "kappa|[1, 1e6]", run("--kappa", kappa));
    }
    for (String noise : List.of("-1", "-0.001", "1e7", "1e308", "NaN", "Infinity")) {
      add(r, 2, "noise|[0, 1e6]", run("--noise", noise));
    }
    for (String d : List.of("0", "-1", "-2147483648")) {
      add(r, 2, "d must be|1..", runWith("-d", d));
    }
    for (String k : List.of("0", "-5")) {
      add(r, 2, "k must be|1..", runWith("-k", k));
    }
    for (String n : List.of("0", "-1")) {
      add(r, 2, "n must be|1..", runWith("-n", n));
    }
    add(r, 2, "kappa|[1, 1e6]", "lsc", "--activation", "relu", "-d", "3", "-k", "1", "--kappa",
        "1e308");
    add(r, 2, "kappa|[1, 1e6]", "lsc", "--activation", "relu", "-d", "3", "-k", "1", "--kappa",
        "0");
    add(r, 2, "d must be", "lsc", "--activation", "relu", "-d", "0", "-k", "1");
    add(r, 2, "k must be", "lsc", "--activation", "relu", "-d", "3", "-k", "0");
    add(r, 2, "-n 1|too small", "lsc", "--activation", "relu", "-d", "3", "-k", "1", "-n", "1");
    for (String sigma : List.of("0", "-1", "NaN", "inf", "abc", "1e999")) {
      add(r, 2, "--sigma|finite number > 0", "properties", "--activation", "relu", "--sigma",
          sigma);
    }
    for (String target : List.of("0", "1", "-1", "NaN", "2")) {
      add(r, 2, "target", "report", "@/store", "--target", target, "--no-charts");
    }
    add(r, 2, "--max-runs|>= 1", "ablate", "@/good.yaml", "--out", "@/o", "--max-runs", "0");
    add(r, 2, "--max-runs|>= 1", "ablate", "@/good.yaml", "--out", "@/o", "--max-runs", "-5");
    for (String setting : List.of("gd.step=-1", "gd.step=abc", "gd.step=NaN", "gd.step=0",
        "gd.max-iterations=0", "gd.max-iterations=1.5", "gd.max-iterations=-3",
        "run.trace-every=0", "run.resample-batches=0", "run.train-v=maybe",
        "run.v-domain=complex")) {
      String plugin = setting.substring(0, setting.indexOf('='));
      add(r, 2, plugin, run("--set", setting));
    }
    add(r, 2, "plugin 'relu' has no parameter 'slope'", run("--set", "relu.slope=1"));
    add(r, 2, "run.resample-batches|<= n", run("--set", "run.resample-batches=201"));
  }

  private static void resources() {
    Kind m = Kind.RESOURCES;
    for (String command : List.of("run", "plugins", "properties", "lsc", "ablate",
        "reproduce")) {
      for (String threads : List.of("0", "-1", "257", "100000", "2147483647")) {
        List<String> args = new ArrayList<>(switch (command) {
          case "run" -> List.of(RUN);
          case "properties" -> List.of("properties", "--activation", "relu");
          case "lsc" -> List.of("lsc", "--activation", "relu", "-d", "3", "-k", "1");
          case "ablate" -> List.of("ablate", "@/good.yaml", "--out", "@/o");
          case "reproduce" -> List.of("reproduce", "fig1c", "--quick", "--out", "@/o");
          default -> List.of(command);
        });
        args.addAll(List.of("--threads", threads));
        add(m, 2, "--threads must be in 1..256|processors", args.toArray(String[]::new));
      }
    }
    add(m, 2, "memory|heap limit|-xmx|nnrecover_java_opts", "run", "--activation", "relu",
        "-d", "20000", "-k", "2", "-n", "100000");
    add(m, 2, "memory|heap limit", "run", "--activation", "relu", "-d", "50000", "-k", "2",
        "-n", "40000");
    add(m, 2, "java array|reduce d or n", "run", "--activation", "relu", "-d", "100000", "-k",
        "2", "-n", "100000");
    add(m, 2, "java array|reduce d or n", "lsc", "--activation", "relu", "-d", "30", "-k", "2",
        "-n", "2000000000");
    add(m, 2, "memory|heap limit", "lsc", "--activation", "relu", "-d", "10", "-k", "2", "-n",
        "200000000");
    add(m, 2, "too large|d k", "lsc", "--activation", "relu", "-d", "2000", "-k", "1000");
    StringBuilder huge = new StringBuilder("name: huge\nseeds: 1..10\nfixed:\n  activation: relu\n"
        + "  k: 1\n  d: 3\naxes:\n");
    for (String key : List.of("n", "gd.step", "gd.max-iterations", "noise", "kappa", "seed2")) {
      if (key.equals("seed2")) {
        continue;
      }
      huge.append("  - ").append(key).append(": [");
      for (int i = 1; i <= 30; i++) {
        huge.append(i == 1 ? "" : ", ").append(key.equals("gd.step") ? "0.0" + i
            : key.equals("noise") ? "0." + i : String.valueOf(100 + i));
      }
      huge.append("]\n");
    }
    add(m, 2, "the grid has|more than the limit|--max-runs", "ablate",
        sweepFile("huge.yaml", huge.toString()), "--out", "@/o");
    add(m, 2, "the grid has 1 seeds x 2 = 2|limit of 1", "ablate", sweepFile("two.yaml",
        "name: two\nseeds: 1\nfixed:\n  activation: relu\n  k: 1\n  d: 3\naxes:\n  - n: [10, 20]\n"),
        "--out", "@/o", "--max-runs", "1");
    add(m, 2, "seeds|at most", "ablate", sweepFile("seeds.yaml", "name: s\nseeds: 1..99999999\n"
        + "fixed:\n  activation: relu\n  k: 1\n  d: 3\n  n: 10\n"), "--out", "@/o");
    add(m, 2, "memory|heap limit", "ablate", sweepFile("big.yaml", "name: big\nseeds: 1\n"
        + "fixed:\n  activation: relu\n  k: 1\n  d: 20000\n  n: 100000\n"), "--out", "@/o");
  }

  private static void contradictions() {
    Kind c = Kind.CONTRADICTION;
    add(c, 2, "n cannot be combined with a data file|every row", "run", "--activation", "relu",
        "-k", "1", "-n", "100", "--data", "@/data.csv");
    add(c, 2, "data.csv|3", "run", "--activation", "relu", "-k", "1", "-d", "5", "--data",
        "@/data.csv");
    add(c, 2, "--truth|only meaningful with --data", run("--truth", "@/truth.json"));
    add(c, 2, "truth file|d = 2", "run", "--activation", "relu", "-k", "1", "--data",
        "@/data.csv", "--truth", "@/truth-d2.json");
    add(c, 2, "k must be <= d", runWith("-k", "4"));
    add(c, 2, "exceeds the data's d", "run", "--activation", "relu", "-k", "4", "--data",
        "@/data.csv");
    add(c, 2, "identity teacher|k = d", run("--teacher", "identity"));
    for (String blank : List.of("", " ", "\t")) {
      add(c, 2, "--out|empty or blank path", "ablate", "@/good.yaml", "--out", blank);
    }
    add(c, 2, "--out|empty or blank path", "reproduce", "fig1c", "--out", "");
    add(c, 2, "dir|empty or blank path", "report", "");
    add(c, 2, "--trace|empty or blank path", run("--trace", ""));
    add(c, 2, "dir|empty or blank path", "store", "repair", " ");
    add(c, 2, "--plugins|empty or blank path", "plugins", "--plugins", "");
    add(c, 2, "data file|empty or blank", "run", "--activation", "relu", "-k", "1", "--data", "");
    add(c, 2, "truth file|empty or blank", "run", "--activation", "relu", "-k", "1", "--data",
        "@/data.csv", "--truth", " ");
    add(c, 2, "differs from|fixed n: 100 before, 200 now|--extend", "ablate", "@/edited.yaml",
        "--out", "@/store", "--resume");
    add(c, 2, "already holds results|--resume", "ablate", "@/good.yaml", "--out", "@/store");
    add(c, 2, "n cannot be combined with a data file", "ablate", sweepFile("data-n.yaml",
        "name: dn\nseeds: 1\nfixed:\n  activation: relu\n  k: 1\n  n: 10\n  data: "
            + at("@/data.csv") + "\n"), "--out", "@/o");
    add(c, 2, "k must be <= d|k = 4, d = 3", "lsc", "--activation", "relu", "-d", "3", "-k",
        "4");
  }

  private static void libraryMessages() {
    Kind l = Kind.LIBRARY_MESSAGE;
    String[] data = {"run", "--activation", "relu", "-k", "1", "--data"};
    add(l, 2, "bin.csv|line 1|not utf-8", concat(data, "@/bin.csv"));
    add(l, 2, "bin.yaml|line 1|byte offset|not utf-8", "ablate", "@/bin.yaml", "--out", "@/o");
    add(l, 2, "bin.json|not utf-8", concat(data, "@/data.csv", "--truth", "@/bin.json"));
    add(l, 2, "nan.json|line 1|nan and infinity are not allowed|finite", concat(data,
        "@/data.csv", "--truth", "@/nan.json"));
    add(l, 2, "inf.json|nan and infinity are not allowed", concat(data, "@/data.csv", "--truth",
        "@/inf.json"));
    add(l, 2, "torn.json|line 1|not valid json", concat(data, "@/data.csv", "--truth",
        "@/torn.json"));
    add(l, 2, "list.json|expected a json object", concat(data, "@/data.csv", "--truth",
        "@/list.json"));
    add(l, 2, "nov.json|missing key \"v\"", concat(data, "@/data.csv", "--truth",
        "@/nov.json"));
    add(l, 2, "extra.json|unknown key", concat(data, "@/data.csv", "--truth", "@/extra.json"));
    add(l, 2, "text.json|expected a number", concat(data, "@/data.csv", "--truth",
        "@/text.json"));
    add(l, 2, "missing.csv|no such file", concat(data, "@/missing.csv"));
    add(l, 2, "missing.json|no such file", concat(data, "@/data.csv", "--truth",
        "@/missing.json"));
    add(l, 2, "folder.csv|holds no .npy part files", concat(data, "@/folder.csv"));
    add(l, 2, "data.txt|must end in .csv or .npy", concat(data, "@/data.txt"));
    add(l, 2, "ragged.csv|line 2|ragged", concat(data, "@/ragged.csv"));
    add(l, 2, "nan.csv|line 2", concat(data, "@/nan.csv"));
    add(l, 2, "mixed.csv|line 1", concat(data, "@/mixed.csv"));
    add(l, 2, "empty.csv", concat(data, "@/empty.csv"));
    add(l, 2, "words.csv|line 2", concat(data, "@/words.csv"));
    add(l, 2, "bad.npy", concat(data, "@/bad.npy"));
    add(l, 2, "missing.yaml|cannot read sweep file|no such file", "ablate", "@/missing.yaml",
        "--out", "@/o");
    add(l, 2, "cannot read sweep file|folder.csv", "ablate", "@/folder.csv", "--out", "@/o");
    add(l, 2, "line 3|column|not valid yaml|expected ',' or '}'", "ablate",
        sweepFile("flow.yaml", "name: x\nseeds: 1\nfixed: {activation: relu, d: 3\n"), "--out",
        "@/o");
    add(l, 2, "tab.yaml|line 3|not valid yaml", "ablate", sweepFile("tab.yaml",
        "name: x\nseeds: 1\nfixed:\n\tactivation: relu\n"), "--out", "@/o");
    add(l, 2, "indent.yaml|line|not valid yaml", "ablate", sweepFile("indent.yaml",
        "name: x\nseeds: 1\n fixed:\n  activation: relu\n"), "--out", "@/o");
    add(l, 2, "quote.yaml|not valid yaml", "ablate", sweepFile("quote.yaml",
        "name: \"x\nseeds: 1\n"), "--out", "@/o");
    add(l, 2, "dup.yaml|line 3|given twice", "ablate", sweepFile("dup.yaml",
        "name: x\nseeds: 1\nname: y\n"), "--out", "@/o");
    add(l, 2, "no result store|no such file", "report", "@/nowhere");
    add(l, 2, "plugins folder|does not exist", "plugins", "--plugins", "@/no-plugins");
  }

  private static void ignoredInput() {
    Kind i = Kind.IGNORED_INPUT;
    add(i, 2, "--set for nesterov|does not use|ignored", run("--set", "nesterov.step=0.1"));
    add(i, 2, "--set for line-search|ignored", run("--set", "line-search.armijo=0.1"));
    add(i, 2, "--set for als|ignored", run("--set", "als.restarts=3"));
    add(i, 2, "--set for spectral|ignored", run("--set", "spectral.oversampling=4"));
    add(i, 2, "--set for leaky-relu|ignored", run("--set", "leaky-relu.slope=0.1"));
    add(i, 2, "--set for gd|not analyzed|ignored", "properties", "--activation", "relu",
        "--set", "gd.step=0.1");
    add(i, 2, "--set for leaky-relu|not analyzed", "lsc", "--activation", "relu", "-d", "3",
        "-k", "1", "--set", "leaky-relu.slope=0.2");
    add(i, 2, "key nesterov.max-iterations|no run of this sweep uses plugin 'nesterov'",
        "ablate", sweepFile("unused.yaml", "name: u\nseeds: 1\nfixed:\n  activation: relu\n"
            + "  k: 1\n  d: 3\n  n: 10\n  nesterov.max-iterations: 5\n"), "--out", "@/o");
    add(i, 2, "missing.csv|no such file", "ablate", sweepFile("nodata.yaml", "name: nd\n"
        + "seeds: 1\nfixed:\n  activation: relu\n  k: 1\n  data: " + at("@/missing.csv")
        + "\n"), "--out", "@/o");
    add(i, 2, "truth file|no such file", "ablate", sweepFile("notruth.yaml", "name: nt\n"
        + "seeds: 1\nfixed:\n  activation: relu\n  k: 1\n  data: " + at("@/data.csv")
        + "\n  truth: " + at("@/missing.json") + "\n"), "--out", "@/o");
    // a warning, not an error: the command works, the skipped jar is named with its problem
    add(i, 0, "broken.jar|a link to a file that does not exist", "plugins", "--plugins",
        "@/dangling", "--format", "json");
  }

  private static void sweepFiles() {
    Kind s = Kind.SWEEP_FILE;
    String base = "fixed:\n  activation: relu\n  k: 1\n  d: 3\n  n: 10\n";
    sweepCase("noname", "seeds: 1\n" + base, "'name' is required");
    sweepCase("badname", "name: a b!\nseeds: 1\n" + base, "line 1|key name");
    sweepCase("noseeds", "name: x\n" + base, "'seeds' is required");
    sweepCase("backwards", "name: x\nseeds: 5..1\n" + base, "key seeds|bad range");
    sweepCase("twice", "name: x\nseeds: [1, 1]\n" + base, "listed twice");
    sweepCase("wordseed", "name: x\nseeds: one\n" + base, "key seeds");
    sweepCase("top", "name: x\nseeds: 1\ncolour: red\n" + base, "key colour|unknown entry");
    sweepCase("fixedlist", "name: x\nseeds: 1\nfixed: [1, 2]\n", "key fixed|expected a mapping");
    sweepCase("fixedaxis", "name: x\nseeds: 1\n" + base + "  kappa: [1, 2]\n",
        "key kappa|belongs in axes");
    sweepCase("axesmap", "name: x\nseeds: 1\n" + base + "axes: {n: [1]}\n",
        "key axes|list of axes");
    sweepCase("emptyaxis", "name: x\nseeds: 1\n" + base + "axes:\n  - kappa: []\n",
        "key kappa|non-empty list");
    sweepCase("zip", "name: x\nseeds: 1\n" + base
        + "axes:\n  - zip:\n      kappa: [1, 2]\n      noise: [0]\n", "equal lengths");
    sweepCase("both", "name: x\nseeds: 1\n" + base + "axes:\n  - n: [10, 20]\n",
        "key n|also given in fixed");
    sweepCase("unknownkey", "name: x\nseeds: 1\n" + base + "  colour: red\n",
        "key colour|unknown setting");
    sweepCase("unknownplugin", "name: x\nseeds: 1\n" + base + "  foo.bar: 1\n",
        "key foo.bar|unknown plugin 'foo'");
    sweepCase("unknownparam", "name: x\nseeds: 1\n" + base + "  gd.stp: 1\n",
        "key gd.stp|no parameter 'stp'");
    sweepCase("seedkey", "name: x\nseeds: 1\n" + base + "  seed: 3\n", "key seed|top-level");
    sweepCase("labelfixed", "name: x\nseeds: 1\n" + base + "  label: I\n",
        "key label|belongs in an axis");
    sweepCase("noactivation", "name: x\nseeds: 1\nfixed:\n  k: 1\n  d: 3\n  n: 10\n",
        "'activation' must be given");
    sweepCase("nok", "name: x\nseeds: 1\nfixed:\n  activation: relu\n  d: 3\n  n: 10\n",
        "'k' must be given");
    sweepCase("kd", "name: x\nseeds: 1\nfixed:\n  activation: relu\n  n: 10\n  k: 4\n"
        + "axes:\n  - d: [3, 5]\n", "invalid|k must be <= d");
    sweepCase("badact", "name: x\nseeds: 1\nfixed:\n  activation: relux\n  k: 1\n  d: 3\n"
        + "  n: 10\n", "key activation|relux");
    sweepCase("intd", "name: x\nseeds: 1\nfixed:\n  activation: relu\n  k: 1\n  d: x\n"
        + "  n: 10\n", "key d|must be an integer");
    sweepCase("kappa", "name: x\nseeds: 1\n" + base + "  kappa: 1e308\n",
        "key kappa|[1, 1e6]");
    sweepCase("noise", "name: x\nseeds: 1\n" + base + "  noise: -1\n", "key noise|[0, 1e6]");
    sweepCase("empty", "", "'name' is required");
    sweepCase("scalar", "just text\n", "expected a mapping");
    sweepCase("many", "name: x\nseeds: 1\nfixed:\n  activation: relux\n  k: 0\n  d: 3\n"
        + "  n: 10\n", "2 errors|relux|key k");
  }

  private static void sweepCase(String name, String text, String words) {
    add(Kind.SWEEP_FILE, 2, words, "ablate", sweepFile("s-" + name + ".yaml", text), "--out",
        "@/o");
  }

  private static void stores() {
    Kind s = Kind.STORE;
    add(s, 2, "runs.jsonl, line 2|not a run record", "report", "@/garbage", "--no-charts");
    add(s, 2, "runs.jsonl, line 2|not a run record", "ablate", "@/good.yaml", "--out",
        "@/garbage", "--resume");
    add(s, 2, "holds no runs", "report", "@/empty-store", "--no-charts");
    add(s, 2, "no result store|runs.jsonl does not exist", "report", "@/no-store");
    add(s, 2, "no result store|does not exist", "store", "repair", "@/no-store");
    add(s, 2, "no result store|does not exist", "store", "repair", "@/nowhere");
    add(s, 2, "chart kind|convergence", "report", "@/store", "--charts", "pie");
  }

  private static void names() {
    Kind n = Kind.NAMES;
    add(n, 2, "relux|relu", runWith("--activation", "relux"));
    add(n, 2, "tensr|tensor", run("--initializer", "tensr"));
    add(n, 2, "adam2|gd", run("--optimizer", "adam2"));
    add(n, 2, "teacher|random", run("--teacher", "diagonal"));
    for (String malformed : List.of("gd", "gd.step", ".step=1", "gd.=1", "=1", "gd.step=",
        "gdstep=1")) {
      add(n, 2, "malformed --set|plugin.parameter=value", run("--set", malformed));
    }
    add(n, 2, "unknown plugin 'foo'", run("--set", "foo.bar=1"));
    add(n, 2, "gd|stp", run("--set", "gd.stp=1"));
    add(n, 2, "unknown experiment|fig1a", "reproduce", "fig9", "--out", "@/o");
    add(n, 2, "relux", "properties", "--activation", "relux");
    add(n, 2, "relux", "lsc", "--activation", "relux", "-d", "3", "-k", "1");
    add(n, 2, "teacher", "lsc", "--activation", "relu", "-d", "3", "-k", "1", "--teacher",
        "square");
    add(n, 2, "format|xml", "plugins", "--format", "xml");
    add(n, 2, "malformed --set", "properties", "--activation", "relu", "--set", "slope");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** Every file under the fixture folder with its size and modification time. */
  private static Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(fixtures)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isSymbolicLink(p)) {
          files.put(p.toString(), "link");
        } else {
          files.put(p.toString(), Files.isDirectory(p) ? "dir"
              : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
        }
      }
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputGetsItsOneLineAnswer() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(Case c) throws IOException {
    String[] args = Arrays.stream(c.args()).map(BadInputCatalogueTest::at)
        .toArray(String[]::new);
    Map<String, String> before = snapshot();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    String stderr = err.toString();
    String said = (c.exit() == 0 ? out + stderr : stderr).toLowerCase(Locale.ROOT);
    assertEquals(c.exit(), code, "exit code; stderr: " + stderr);
    for (String word : c.words()) {
      assertTrue(said.contains(word), "expected '" + word + "' in: " + said);
    }
    assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"),
        "no stack trace or exception name: " + stderr);
    if (c.exit() != 0) {
      List<String> lines = stderr.lines().toList();
      boolean sweepList = lines.size() > 1 && lines.get(0).matches(".*\\d+ errors in .*");
      assertTrue(lines.size() == 1 || sweepList, "one line on stderr: " + stderr);
      assertTrue(stderr.startsWith("nnrecover"), "names the command: " + stderr);
    }
    assertEquals(before, snapshot(), "nothing written");
  }

  @Test
  void theCatalogueCoversEveryClass() {
    Map<Kind, Integer> counts = new TreeMap<>();
    CASES.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    System.out.println("bad-input catalogue: " + CASES.size() + " cases " + counts);
    assertTrue(CASES.size() >= 200, "at least 200 cases, got " + CASES.size());
    for (Kind kind : Kind.values()) {
      assertTrue(counts.getOrDefault(kind, 0) >= 5, kind + " has " + counts.get(kind));
    }
  }
}
