package org.nnrecover.core.run;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one field of the run spec on its {@link RunSpec} component: how users write it (sweep
 * key, command-line options), its default, its allowed range and its meaning. {@link SpecSchema}
 * reads these declarations once; the command-line options of {@code run} (and {@code lsc},
 * {@code nnrecover-spark run}), the keys of a sweep file, the range checks of
 * {@link Runner#resolve} and the JSON of a record all come from them, so that adding a field to the
 * spec is adding one annotated component.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface SpecField {
  /** Written in {@link #defaultValue} for a field without a default. */
  String NO_DEFAULT = "";

  /** The key in sweep files and messages; the component's name when empty. */
  String key() default "";

  /** The command-line option names, e.g. {@code {"--kappa"}} or {@code {"-d"}}. */
  String[] options();

  /** The placeholder of the value in help texts, e.g. {@code KAPPA}. */
  String label();

  /** What the value is and does, one line (the default and "required" are added to help texts). */
  String description();

  /** How the value is read and checked. */
  Type type();

  /** The default as a user would write it, or {@link #NO_DEFAULT}. */
  String defaultValue() default NO_DEFAULT;

  /** Smallest allowed value of a {@link Type#NUMBER}. */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value of a {@link Type#NUMBER}. */
  double max() default Double.POSITIVE_INFINITY;

  /** When a spec must give the field. */
  Required required() default Required.NO;

  /** Whether a sweep file may set the field ({@code seed} comes from its {@code seeds:} entry). */
  boolean inSweeps() default true;

  /** The kinds of values a spec field holds. */
  enum Type {
    /** The name of an activation plugin. */
    ACTIVATION,
    /** The name of an initializer plugin. */
    INITIALIZER,
    /** The name of an optimizer plugin. */
    OPTIMIZER,
    /** A count in 1..{@link Integer#MAX_VALUE} ({@code int}). */
    COUNT,
    /** A finite number in [{@link #min}, {@link #max}] ({@code double}). */
    NUMBER,
    /** Any {@code long}. */
    SEED,
    /** A teacher kind ({@link org.nnrecover.core.data.TeacherKind}). */
    TEACHER,
    /** A file name, checked when the run resolves. */
    FILE
  }

  /** When a field must be given. */
  enum Required {
    /** Never: it has a default, or absence means something. */
    NO,
    /** Always. */
    ALWAYS,
    /** Unless the samples come from a data file (then the file says). */
    UNLESS_DATA
  }
}
