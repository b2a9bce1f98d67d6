package org.nnrecover.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.SpecSchema;
import org.nnrecover.core.theory.ActivationProperties;
import org.nnrecover.core.theory.PropertyReport;
import org.nnrecover.core.theory.TensorOrders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnrecover properties}: the paper's activation analysis for any activation plugin. */
@Command(name = "properties", mixinStandardHelpOptions = true,
    description = "Hermite coefficients, rho(sigma), properties P1-P3, homogeneity and tensor "
        + "orders of activations, computed numerically from the plugin's phi, phi', phi''. "
        + "--activation all reproduces the paper's rho table.")
final class PropertiesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--activation", required = true, split = ",", paramLabel = "A[,B...]",
      description = "activations to analyze, or 'all'")
  List<String> activations;

  @Option(names = "--sigma", split = ",", paramLabel = "S[,S...]",
      defaultValue = "0.1,1,10", description = "scales for rho and P2 (default: ${DEFAULT-VALUE})")
  List<String> sigmas;

  @Option(names = "--set", paramLabel = "PLUGIN.PARAM=VALUE",
      description = "activation parameters, e.g. leaky-relu.slope=0.1 (repeatable)")
  List<String> settings = new ArrayList<>();

  @Mixin FormatOption output;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    OutputFormat outputFormat = output.chosen();
    double[] sigmaValues = parseSigmas(sigmas);
    PluginRegistry registry = common.registry();
    Map<String, Map<String, String>> given = SpecSchema.parseSettings(settings);
    List<PropertyReport> reports = new ArrayList<>();
    ActivationChoice.checkSettingsOnlyFor(given, ActivationChoice.names(registry, activations));
    for (String name : ActivationChoice.names(registry, activations)) {
      ActivationChoice choice = ActivationChoice.of(registry, name, given);
      reports.add(ActivationProperties.analyze(name, choice.profile(), sigmaValues));
    }
    PrintWriter out = command.commandLine().getOut();
    if (outputFormat == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      for (PropertyReport report : reports) {
        json.put(report.activation(), toJson(report));
      }
      out.println(Json.pretty(json));
    } else {
      printText(out, reports);
    }
    return 0;
  }

  private double[] parseSigmas(List<String> texts) {
    double[] values = new double[texts.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = Double.parseDouble(texts.get(i));
      } catch (NumberFormatException e) {
        values[i] = Double.NaN;
      }
      if (!(values[i] > 0) || Double.isInfinite(values[i])) {
        throw new IllegalArgumentException("--sigma '" + texts.get(i)
            + "' is not allowed: each sigma must be a finite number > 0");
      }
    }
    return values;
  }

  /** The documented JSON form of one report (fields named by the issue), plus the details. */
  private Map<String, Object> toJson(PropertyReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Double> rho = new LinkedHashMap<>();
    for (int i = 0; i < sigmas.size(); i++) {
      rho.put(sigmas.get(i), report.rho().get(i).rho());
    }
    json.put("rho", rho);
    json.put("hermite", report.hermite());
    if (report.nonFinite() != null) {
      // the same keys, with null verdicts: nothing is decided from non-finite values
      json.put("homogeneityDegree", null);
      json.put("properties", null);
      json.put("tensorOrders", null);
      json.put("nonFinite", report.nonFinite());
      json.put("details", report);
      return json;
    }
    json.put("homogeneityDegree", degree(report));
    json.put("properties", Map.of("P1", report.p1().holds(), "P2", report.p2().holds(),
        "P3", report.p3().holds()));
    TensorOrders orders = report.tensorOrders();
    Map<String, Integer> ordersJson = new LinkedHashMap<>();
    ordersJson.put("j2", orders.j2());
    ordersJson.put("j3", orders.j3());
    ordersJson.put("l1", orders.l1());
    ordersJson.put("l2", orders.l2());
    json.put("tensorOrders", ordersJson);
    json.put("details", report);
    return json;
  }

  private static Double degree(PropertyReport report) {
    PropertyReport.Homogeneity h = report.homogeneity();
    return h.declaredDegree() != null ? h.declaredDegree() : h.detectedDegree();
  }

  private void printText(PrintWriter out, List<PropertyReport> reports) {
    List<String> header = new ArrayList<>(List.of("activation"));
    for (String sigma : sigmas) {
      header.add("rho(" + sigma + ")");
    }
    header.addAll(List.of("P1", "P2", "P3", "degree", "j2,j3,l1,l2"));
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (PropertyReport r : reports) {
      List<String> row = new ArrayList<>(List.of(r.activation()));
      for (PropertyReport.RhoValue value : r.rho()) {
        row.add(TextTable.number(value.rho()));
      }
      if (r.nonFinite() != null) {
        row.addAll(List.of("NaN", "NaN", "NaN", "-", "-"));
        table.add(row.toArray(String[]::new));
        continue;
      }
      row.add(r.p1().holds() ? "yes" : "no");
      row.add(r.p2().holds() ? "yes" : "no");
      row.add(r.p3().holds() ? "yes" : "no");
      Double degree = degree(r);
      row.add(degree == null ? "-" : TextTable.number(degree));
      TensorOrders o = r.tensorOrders();
      row.add(order(o.j2()) + "," + order(o.j3()) + "," + order(o.l1()) + "," + order(o.l2()));
      table.add(row.toArray(String[]::new));
    }
    table.print(out);
    out.println();
    out.println("Hermite coefficients m_j(1) = E[phi(z) He_j(z)]:");
    List<String> hermiteHeader = new ArrayList<>(List.of("activation"));
    for (int j = 0; j <= 8; j++) {
      hermiteHeader.add("m" + j);
    }
    TextTable hermite = new TextTable(hermiteHeader.toArray(String[]::new));
    for (PropertyReport r : reports) {
      List<String> row = new ArrayList<>(List.of(r.activation()));
      for (double m : r.hermite()) {
        row.add(Math.abs(m) < 1e-12 ? "0" : String.format(Locale.ROOT, "%.5g", m));
      }
      hermite.add(row.toArray(String[]::new));
    }
    hermite.print(out);
    out.println();
    for (PropertyReport r : reports) {
      if (r.nonFinite() != null) {
        out.println(r.activation() + ": " + r.tensorStatement());
        continue;
      }
      out.println(r.activation() + ": P1 " + (r.p1().holds()
          ? "holds with p = " + TextTable.number(r.p1().p()) + ", L1 = "
              + TextTable.number(r.p1().l1())
          : "fails (" + r.p1().reason() + ")")
          + "; P3 " + r.p3().kind() + "; " + r.tensorStatement());
    }
  }

  private static String order(Integer order) {
    return order == null ? "-" : order.toString();
  }
}
