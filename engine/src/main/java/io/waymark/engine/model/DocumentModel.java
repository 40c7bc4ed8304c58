package io.waymark.engine.model;

/**
 * The typed model of one document: one record per {@link Kind}. The type is sealed and every record
 * answers {@link #accept(Visitor)}, so a new document kind does not compile until it is handled
 * everywhere: its {@code Kind} constant in the exhaustive switch of {@link Document#read}, its
 * record among the permitted ones here, and its method in {@link Visitor}, which every visitor
 * ({@link Plan#of}, ...) then has to implement. Nothing drops a document of a kind it forgot at run
 * time.
 */
public sealed interface DocumentModel
    permits Config,
        Roadmap,
        Assessment,
        BusinessCase,
        VendorEvaluation,
        UseCase,
        Metrics,
        Governance {

  /** Where the document was written (its file). */
  Anchor at();

  /**
   * This model as the rest of a run reads it once its file was judged on its own (the per-document
   * rules): the texts and lines no other rule reads dropped, every id, date, status, figure and
   * anchor kept. The same model for a kind that drops nothing. A run that judges files as they are
   * read keeps this instead (docs/streaming.md); no report or editor ever reads it.
   */
  default DocumentModel released() {
    return this;
  }

  /** Calls the method of {@code visitor} for this kind of document. */
  <R> R accept(Visitor<R> visitor);

  /** The kind of document this is the model of. */
  default Kind kind() {
    return accept(KindOf.VISITOR);
  }

  /** One method per document kind; implementations must handle every kind. */
  interface Visitor<R> {
    R config(Config config);

    R roadmap(Roadmap roadmap);

    R assessment(Assessment assessment);

    R businessCase(BusinessCase businessCase);

    R vendorEvaluation(VendorEvaluation vendorEvaluation);

    R useCase(UseCase useCase);

    R metrics(Metrics metrics);

    R governance(Governance governance);
  }

  /** The kind of each model, for {@link #kind()}. */
  final class KindOf implements Visitor<Kind> {
    static final KindOf VISITOR = new KindOf();

    private KindOf() {}

    @Override
    public Kind config(Config config) {
      return Kind.CONFIG;
    }

    @Override
    public Kind roadmap(Roadmap roadmap) {
      return Kind.ROADMAP;
    }

    @Override
    public Kind assessment(Assessment assessment) {
      return Kind.ASSESSMENT;
    }

    @Override
    public Kind businessCase(BusinessCase businessCase) {
      return Kind.BUSINESS_CASE;
    }

    @Override
    public Kind vendorEvaluation(VendorEvaluation vendorEvaluation) {
      return Kind.VENDOR_EVALUATION;
    }

    @Override
    public Kind useCase(UseCase useCase) {
      return Kind.USE_CASE;
    }

    @Override
    public Kind metrics(Metrics metrics) {
      return Kind.METRICS;
    }

    @Override
    public Kind governance(Governance governance) {
      return Kind.GOVERNANCE;
    }
  }
}
