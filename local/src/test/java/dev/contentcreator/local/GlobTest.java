package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void doubleStarUnderAFolderMatchesTheFolderAndEverythingBelow() {
    Pattern p = Glob.compile("/api/projects/**");
    assertTrue(p.matcher("/api/projects").matches());
    assertTrue(p.matcher("/api/projects/abc/members/u1").matches());
    assertFalse(p.matcher("/api/projectsX").matches());
  }

  @Test
  void singleStarStaysWithinASegment() {
    Pattern p = Glob.compile("/assets/*.js");
    assertTrue(p.matcher("/assets/index-1a2b.js").matches());
    assertFalse(p.matcher("/assets/x/index.js").matches());
  }

  @Test
  void bracesAreAlternativesAndDotsAreLiteral() {
    Pattern p = Glob.compile("**/*.{html,json}");
    assertTrue(p.matcher("/index.html").matches());
    assertTrue(p.matcher("/a/b/manifest.json").matches());
    assertFalse(p.matcher("/indexXhtml").matches());
  }

  @Test
  void doubleStarAloneMatchesEveryPath() {
    assertTrue(Glob.compile("**").matcher("/any/thing").matches());
  }
}
