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

  /** Calls the method of {@code visitor} for this kind of document. */
  <R> R accept(Visitor<R> visitor);

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
}
