package io.waymark.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiTextRun;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Arabic shaping and the bidi runs the PDF renderer is given. */
class RightToLeftTest {

  @Test
  void shouldJoinLettersByTheirNeighbours() {
    // meem (initial) noon (medial) sad (medial) teh marbuta (final).
    assertThat(ArabicShaping.shape("منصة")).isEqualTo("\uFEE3\uFEE8\uFEBC\uFE94");
    // alef joins only to the letter before it: beh after alef starts a new join.
    assertThat(ArabicShaping.shape("اب")).isEqualTo("\uFE8D\uFE8F");
    // a lone letter is isolated; Latin text is left alone.
    assertThat(ArabicShaping.shape("ب")).isEqualTo("\uFE8F");
    assertThat(ArabicShaping.shape("Waymark 2027")).isEqualTo("Waymark 2027");
  }

  @Test
  void shouldLigateLamAlefAndSkipMarks() {
    assertThat(ArabicShaping.shape("لا")).isEqualTo("\uFEFB");
    // beh lam-alef: the ligature in its final form.
    assertThat(ArabicShaping.shape("بلا")).isEqualTo("\uFE91\uFEFC");
    // a fatha between two letters does not break their join.
    assertThat(ArabicShaping.shape("بَب")).isEqualTo("\uFE91\u064E\uFE90");
  }

  @Test
  void shouldGiveBackTheLettersAsTyped() {
    for (String word : new String[] {"منصة البيانات", "طبقة المعرفة", "لا", "پچژکگی"}) {
      assertThat(ArabicShaping.deshape(ArabicShaping.shape(word))).isEqualTo(word);
      assertThat(Normalizer.normalize(ArabicShaping.shape(word), Normalizer.Form.NFKC))
          .as("what a PDF reader copies out")
          .isEqualTo(word);
    }
  }

  @Test
  void shouldReverseKeepingMarksWithTheirLetterAndMirrorBrackets() {
    assertThat(JdkBidi.reverse("abc")).isEqualTo("cba");
    assertThat(JdkBidi.reverse("بَت")).isEqualTo("تبَ");
    assertThat(JdkBidi.reverse("(ب)")).isEqualTo("(ب)");
    assertThat(JdkBidi.reverse("«ب")).isEqualTo("ب»");
  }

  @Test
  void shouldSplitAParagraphIntoRunsOfOneDirection() {
    JdkBidi.Splitter s = new JdkBidi.Splitter();
    String text = "Pilot منصة البيانات done";
    s.setParagraph(text, BidiSplitter.LTR);
    assertThat(s.countTextRuns()).isEqualTo(3);
    BidiTextRun arabic = s.getVisualRun(1);
    assertThat(arabic.getDirection()).isEqualTo(BidiSplitter.RTL);
    assertThat(text.substring(arabic.getStart(), arabic.getStart() + arabic.getLength()))
        .isEqualTo("منصة البيانات");
    assertThat(s.getVisualRun(0).getDirection()).isEqualTo(BidiSplitter.LTR);
    assertThat(s.getBaseDirection("2027 منصة")).isEqualTo(BidiSplitter.RTL);
    assertThat(s.getBaseDirection("2027 Plan")).isEqualTo(BidiSplitter.LTR);
    assertThat(s.getBaseDirection("2027 · 42")).isEqualTo(BidiSplitter.NEUTRAL);
    assertThat(new JdkBidi.SplitterFactory().createBidiSplitter()).isNotNull();
    assertThat(new JdkBidi.Reorderer().isLiveImplementation()).isTrue();
  }

  /**
   * A chart label in drawing order: right-to-left runs reversed and shaped, a number inside one
   * kept left to right, Latin around them in place; left-to-right text unchanged.
   */
  @Test
  void shouldPutALabelInDrawingOrder() {
    assertThat(JdkBidi.visual("Gate 2 review")).isEqualTo("Gate 2 review");
    assertThat(JdkBidi.visual("שער ב")).isEqualTo("ב רעש");
    assertThat(JdkBidi.visual("Pilot שער 2027 done")).isEqualTo("Pilot 2027 רעש done");
    String arabic = "منصة";
    assertThat(JdkBidi.visual("Q2 " + arabic))
        .isEqualTo("Q2 " + JdkBidi.reverse(ArabicShaping.shape(arabic)));
    assertThat(JdkBidi.hasRightToLeft("Gate 2 · 数据")).isFalse();
    assertThat(JdkBidi.hasRightToLeft("Gate ב")).isTrue();
  }
}
