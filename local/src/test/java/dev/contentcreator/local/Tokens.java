package dev.contentcreator.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ID tokens that must be refused. The Auth emulator issues unsigned tokens (alg "none") whose
 * audience and issuer name the project; one issued for another project differs only there. This
 * takes a real emulator token and re-issues it for {@code other-project}, as the emulator would.
 */
final class Tokens {
  private Tokens() {}

  static String forAnotherProject() throws Exception {
    String token = Emulator.signUp("mallory").idToken();
    String[] parts = token.split("\\.", -1);
    Base64.Decoder dec = Base64.getUrlDecoder();
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    JsonObject claims = JsonParser.parseString(new String(dec.decode(parts[1]), StandardCharsets.UTF_8))
        .getAsJsonObject();
    if (!claims.get("aud").getAsString().equals("demo-contentcreator")) {
      throw new IllegalStateException("expected an emulator token for demo-contentcreator, got aud " + claims.get("aud"));
    }
    claims.addProperty("aud", "other-project");
    claims.addProperty("iss", "https://securetoken.google.com/other-project");
    return parts[0] + "." + enc.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }
}
