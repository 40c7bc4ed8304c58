package io.waymark.engine.model;

import io.waymark.engine.finding.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Every id declared in the repository, by the id space it lives in (SPEC §2.1): one space per
 * document kind for {@code metadata.id}, and one per nested kind (phase, gate, milestone,
 * initiative, criterion, constraint, vendor, decision, metric) across the whole repository.
 */
public final class IdIndex {

  /**
   * One declaration of an id. Where it is written is worked out when asked (a rule asks for a
   * duplicate's, an editor for the ids it lists), not for each of the tens of thousands of ids a
   * large plan declares.
   */
  public static final class Declaration {
    private final String id;
    private final Anchor anchor;
    private final String relative;

    private Declaration(String id, Anchor anchor, String relative) {
      this.id = id;
      this.anchor = anchor;
      this.relative = relative;
    }

    public String id() {
      return id;
    }

    /** Where the id is written. */
    public Location location() {
      return anchor.location(relative);
    }

    @Override
    public String toString() {
      return "Declaration[id=" + id + ", location=" + location() + "]";
    }
  }

  private final Map<String, List<Declaration>> spaces = new LinkedHashMap<>();
  private final Map<String, Set<String>> idsBySpace = new HashMap<>();
  private final Set<String> allIds = new HashSet<>();
  private final Set<String> inInvalidDocuments = new HashSet<>();
  private final Map<String, String> invalidDocumentFiles = new HashMap<>();
  private final Map<String, String> looseIdFiles = new HashMap<>();
  private final Set<String> unreadableFiles = new HashSet<>();
  private final List<String> notRead;
  private final Map<String, List<Declaration>> invalidDocumentsByKind = new LinkedHashMap<>();

  /**
   * The ids written in each invalid document's tree, in the order met, by tree (trees are immutable
   * and compared by identity: no {@link SourceNode} defines equality). A JVM that validates again
   * (a resident server, {@code --watch}) gets the same trees back from the on-disk cache's decoded
   * outcomes and walks none of them again; the walk was half of this index on a large repository
   * with many invalid documents. Weak keys: a tree no longer loaded goes with its ids.
   */
  private static final Map<SourceNode, List<String>> LOOSE_IDS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Indexes the documents of a repository.
   *
   * @param documents every Waymark document, valid or not
   * @param plan the typed model of the valid ones
   */
  public IdIndex(Collection<Document> documents, Plan plan) {
    this(documents, List.of(), plan);
  }

  /**
   * Indexes the documents of a repository, some of whose files the YAML reader could not read: the
   * ids their lines show resolve as an invalid document's do, and a message about them names the
   * syntax finding ({@link #invalid}).
   *
   * @param documents every Waymark document, valid or not
   * @param unreadable what the lines show of the files the YAML reader could not read
   * @param plan the typed model of the valid ones
   */
  public IdIndex(Collection<Document> documents, List<UnreadableFile> unreadable, Plan plan) {
    this(documents, unreadable, List.of(), plan);
  }

  /**
   * As {@link #IdIndex(Collection, List, Plan)}, with the files that could not be read at all
   * (permission denied) and the folders that could not be listed in full: nothing is known of the
   * ids they declare, so a message about an unknown id names them ({@link #notRead}).
   *
   * @param documents every Waymark document, valid or not
   * @param unreadable what the lines show of the files the YAML reader could not read
   * @param notRead the files and folders that could not be read, in file order
   * @param plan the typed model of the valid ones
   */
  public IdIndex(
      Collection<Document> documents,
      List<UnreadableFile> unreadable,
      List<String> notRead,
      Plan plan) {
    this.notRead = List.copyOf(notRead);
    for (UnreadableFile u : unreadable) {
      unreadableFiles.add(u.file());
      for (String id : u.ids()) {
        inInvalidDocuments.add(id);
        looseIdFiles.putIfAbsent(id, u.file());
      }
      for (UnreadableFile.Declared d : u.documents()) {
        addInvalidDocument(
            d.kind(), d.id(), u.file(), new Declaration(d.id(), Anchor.ofFile(u.file()), ""));
      }
    }
    for (Document d : documents) {
      if (!d.id().isEmpty()) {
        add(d.kind().id(), d.id(), d.anchor(), "metadata/id");
      }
      if (!d.valid()) {
        collectLooseIds(d.root(), d.file());
        addInvalidDocument(d.kind(), d.id(), d.file(), new Declaration(d.id(), d.anchor(), "kind"));
      }
    }
    for (Roadmap r : plan.roadmaps()) {
      for (Phase p : r.phases()) {
        add("phase", p.id(), p.at(), "id");
        if (!p.gate().id().isEmpty()) {
          add("gate", p.gate().id(), p.gate().at(), "id");
        }
        p.gate().criteria().forEach(c -> add("criterion", c.id(), c.at(), "id"));
        p.milestones().forEach(m -> add("milestone", m.id(), m.at(), "id"));
        p.initiatives().forEach(i -> add("initiative", i.id(), i.at(), "id"));
      }
    }
    // A constraint keeps its id across assessments: a re-assessment that names an earlier
    // constraint's id (same dimension) re-ranks it. Only a second mention inside one assessment,
    // or the same id for a different dimension, is a duplicate.
    Map<String, String> constraintDimension = new HashMap<>();
    for (Assessment a : plan.assessments()) {
      Set<String> inThisAssessment = new HashSet<>();
      for (Assessment.Constraint c : a.constraints()) {
        String dimension = constraintDimension.putIfAbsent(c.id(), c.dimension());
        boolean reRank = dimension != null && dimension.equals(c.dimension());
        if (!inThisAssessment.add(c.id()) || !reRank) {
          add("constraint", c.id(), c.at(), "id");
        }
      }
    }
    plan.vendors().forEach(v -> add("vendor", v.id(), v.at(), "id"));
    plan.decisions().forEach(d -> add("decision", d.id(), d.at(), "id"));
    plan.metrics().forEach(m -> add("metric", m.id(), m.at(), "id"));
  }

  /** A document the plan lacks whole or in part: it failed its schema, or could not be read. */
  private void addInvalidDocument(Kind kind, String id, String file, Declaration where) {
    if (!id.isEmpty()) {
      invalidDocumentFiles.putIfAbsent(kind.id() + "/" + id, file);
    }
    invalidDocumentsByKind.computeIfAbsent(kind.id(), k -> new ArrayList<>()).add(where);
  }

  private void add(String space, String id, Anchor at, String relative) {
    spaces.computeIfAbsent(space, k -> new ArrayList<>()).add(new Declaration(id, at, relative));
    idsBySpace.computeIfAbsent(space, k -> new HashSet<>()).add(id);
    allIds.add(id);
  }

  /**
   * Ids written anywhere in a document that failed its schema, so references to them still resolve.
   */
  private void collectLooseIds(SourceNode root, String file) {
    List<String> ids = LOOSE_IDS.get(root);
    if (ids == null) {
      ids = looseIds(root);
      LOOSE_IDS.put(root, ids);
    }
    for (String id : ids) {
      inInvalidDocuments.add(id);
      looseIdFiles.putIfAbsent(id, file);
    }
  }

  /** The string values under an {@code id} key anywhere in {@code root}, in the order met. */
  private static List<String> looseIds(SourceNode root) {
    List<String> ids = new ArrayList<>();
    Deque<SourceNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      SourceNode n = todo.pop();
      switch (n.shape()) {
        case MAPPING -> {
          for (String key : n.keys()) {
            SourceNode value = n.get(key).orElseThrow();
            if (key.equals("id") && value.value() instanceof String id) {
              ids.add(id);
            }
            todo.push(value);
          }
        }
        case SEQUENCE -> n.items().forEach(todo::push);
        case SCALAR -> {
          // ids are only read under an "id" key
        }
      }
    }
    return List.copyOf(ids);
  }

  /** The id spaces, each with its declarations in document order. */
  public Map<String, List<Declaration>> spaces() {
    return spaces;
  }

  public boolean declares(String space, String id) {
    return idsBySpace.getOrDefault(space, Set.of()).contains(id) || inInvalidDocuments.contains(id);
  }

  /**
   * The file of the document of {@code kind} (a kind id such as {@code BusinessCase}) with this
   * {@code metadata.id} when that document failed its schema, so a message can say "invalid" rather
   * than "does not exist".
   */
  public Optional<String> invalidDocument(String kind, String id) {
    return Optional.ofNullable(invalidDocumentFiles.get(kind + "/" + id));
  }

  /**
   * The file of a document that failed its schema and writes {@code id} (a metric, decision, vendor
   * or constraint id), when no schema-valid part of the repository declares it in {@code space}:
   * the item is there but invalid, not missing.
   */
  public Optional<String> invalidItem(String space, String id) {
    if (idsBySpace.getOrDefault(space, Set.of()).contains(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(looseIdFiles.get(id));
  }

  /**
   * The documents of {@code kind} (a kind id such as {@code Metrics}) that failed their schema, in
   * load order: their {@code metadata.id} (empty when unreadable) and where they are. Some of them
   * may still be in the plan without their invalid items.
   */
  public List<Declaration> invalidDocuments(String kind) {
    return invalidDocumentsByKind.getOrDefault(kind, List.of());
  }

  /**
   * How a message names a reference to something that exists but failed its schema, the same way in
   * every rule: "business case 'bc-x' is invalid, see the schema finding in business-cases/x.yaml".
   */
  public static String invalidMessage(String subject, String file) {
    return subject + " is invalid, see the schema finding in " + file;
  }

  /**
   * As {@link #invalidMessage}, for a file of this repository: one the YAML reader could not read
   * is named as such ("... could not be read, see the yaml-syntax finding in ...").
   */
  public String invalid(String subject, String file) {
    return unreadableFiles.contains(file)
        ? subject + " could not be read, see the yaml-syntax finding in " + file
        : invalidMessage(subject, file);
  }

  /**
   * The files that could not be read at all and the folders that could not be listed in full, in
   * file order: an id no file read declares may be declared in them.
   */
  public List<String> notRead() {
    return notRead;
  }

  /**
   * How a message says that an unknown id may be declared in a file that could not be read, as
   * {@link #invalid} says it of a file the YAML reader could not read: "... may be declared in
   * use-cases/x.yaml, which could not be read, see the file-skipped finding in use-cases/x.yaml".
   * Empty when every file was read.
   */
  public Optional<String> mayBeUnread() {
    return unreadFiles().map(files -> "it may be declared in " + files);
  }

  /**
   * The files that could not be read, as a message names them: "use-cases/x.yaml (and 2 more
   * files), which could not be read, see the file-skipped finding in use-cases/x.yaml"; empty when
   * every file was read.
   */
  public Optional<String> unreadFiles() {
    if (notRead.isEmpty()) {
      return Optional.empty();
    }
    String file = notRead.get(0);
    String more =
        notRead.size() == 1
            ? ""
            : " (and "
                + (notRead.size() - 1)
                + " more file"
                + (notRead.size() == 2 ? "" : "s")
                + ")";
    return Optional.of(
        file + more + ", which could not be read, see the file-skipped finding in " + file);
  }

  /**
   * {@code statement}, which says that something was not found, with where it may still be when a
   * file could not be read: "its business case 'bc-x' does not exist (it may be declared in
   * business-cases/x.yaml, which could not be read, see ...)"; as given when every file was read.
   */
  public String notFound(String statement) {
    return statement + mayBeUnread().map(m -> " (" + m + ")").orElse("");
  }

  /** True when the id is declared in any space (for {@code relatesTo}). */
  public boolean declaresAnywhere(String id) {
    return inInvalidDocuments.contains(id) || allIds.contains(id);
  }
}
