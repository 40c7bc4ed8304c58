package io.waymark.report.template;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

/**
 * The report templates: Freemarker configured as DEPENDENCIES.md §4 prescribes, loading each name
 * from the repository's {@code templates/} folder when it has that file, else from the templates
 * bundled in the jar.
 */
public final class Templates {

  /** Where the top-level {@code templates/} folder is packaged in the jar. */
  static final String BUNDLED = "/io/waymark/report/templates";

  private final Configuration cfg;
  private final Optional<RepositoryTemplates> repository;
  private final RenderLimits limits;

  private Templates(Optional<RepositoryTemplates> repository, RenderLimits limits) {
    this.repository = repository;
    this.limits = limits;
    Configuration c = new CheckedConfiguration();
    List<TemplateLoader> loaders = new ArrayList<>();
    repository.ifPresent(loaders::add);
    loaders.add(new ClassTemplateLoader(Templates.class, BUNDLED));
    c.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    c.setOutputFormat(HtmlOutputFormat.INSTANCE);
    // The template configurations below name the formats: the standard .ftlh one would be
    // FreeMarker's own HTML format, which lets bidirectional-text controls through.
    c.setRecognizeStandardFileExtensions(false);
    c.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
    c.setRegisteredCustomOutputFormats(
        List.of(HtmlOutputFormat.INSTANCE, MarkdownOutputFormat.INSTANCE));
    TemplateConfiguration markdown = new TemplateConfiguration();
    markdown.setOutputFormat(MarkdownOutputFormat.INSTANCE);
    TemplateConfiguration html = new TemplateConfiguration();
    html.setOutputFormat(HtmlOutputFormat.INSTANCE);
    c.setTemplateConfigurations(
        new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(
                    new FileExtensionMatcher("ftlmd"), markdown),
                new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlh"), html))
            .allowNoMatch(true));
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setAttemptExceptionReporter((e, env) -> {}); // an <#attempt> that recovers says nothing
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    // Same bytes under any locale and time zone: no localized lookup, computer number format.
    c.setLocalizedLookup(false);
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    DefaultObjectWrapperBuilder owb = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    owb.setExposeFields(false);
    c.setObjectWrapper(owb.build());
    this.cfg = c;
  }

  /** The bundled templates only. */
  public static Templates bundled() {
    return new Templates(Optional.empty(), RenderLimits.defaults());
  }

  /** The bundled templates, overridden by {@code repository}'s {@code templates/} folder. */
  public static Templates forRepository(Path repository) {
    return new Templates(RepositoryTemplates.of(repository), RenderLimits.defaults());
  }

  /** The same templates, each run within {@code bounds}. */
  public Templates withLimits(RenderLimits bounds) {
    return new Templates(repository, bounds);
  }

  /**
   * Renders template {@code name} with {@code model}.
   *
   * @throws TemplateFailure when the template is missing, does not parse, fails while running or
   *     passes one of its {@link RenderLimits}; nothing of its output is returned then
   */
  public String render(String name, Map<String, Object> model) {
    Template template;
    try {
      template = cfg.getTemplate(name);
    } catch (ParseException e) {
      throw new TemplateFailure(
          origin(name)
              + " does not parse at line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + firstLine(e.getEditorMessage()),
          e);
    } catch (IOException e) {
      throw new TemplateFailure(origin(name) + " cannot be read: " + e.getMessage(), e);
    }
    return BoundedRender.run(template, model, limits, this::origin);
  }

  /** A file of the templates folder that is copied, not rendered (the stylesheet). */
  public String text(String name) {
    try {
      Template t = cfg.getTemplate(name, null, null, "UTF-8", false, false);
      StringWriter out = new StringWriter();
      t.process(Map.of(), out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new TemplateFailure(origin(name) + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** "template qbr.ftlh" or "template qbr.ftlh (the repository's templates/qbr.ftlh)". */
  String origin(String name) {
    boolean own = repository.flatMap(r -> r.file(name)).isPresent();
    return "template " + name + (own ? " (the repository's templates/" + name + ")" : "");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  /**
   * Every template this configuration hands out, the included and imported ones too, checks at the
   * start of each loop pass and each nested block whether its run was stopped: a loop with an empty
   * body ({@code <#list 1..2000000000 as i></#list>}) would otherwise never reach the tracer that
   * enforces the {@link RenderLimits}.
   */
  private static final class CheckedConfiguration extends Configuration {

    private final Set<Template> checked = Collections.newSetFromMap(new IdentityHashMap<>());

    CheckedConfiguration() {
      super(Configuration.VERSION_2_3_34);
    }

    @Override
    public Template getTemplate(
        String name,
        Locale locale,
        Object customLookupCondition,
        String encoding,
        boolean parseAsFTL,
        boolean ignoreMissing)
        throws IOException {
      Template t =
          super.getTemplate(
              name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
      if (t != null && parseAsFTL) {
        synchronized (checked) {
          if (checked.add(t)) {
            _CoreAPI.addThreadInterruptedChecks(t);
          }
        }
      }
      return t;
    }
  }
}
