package dev.contentcreator.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Parses literals only: InetAddress.getByName on an address literal does no DNS. */
class AddressPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
      "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "255.255.255.255",
      "192.0.0.170", "198.18.0.1", "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:10.0.0.1",
      "::ffff:127.0.0.1", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a00:1::1"})
  void nonPublicAddressesAreRefused(String literal) throws Exception {
    assertTrue(AddressPolicy.whyRefused(InetAddress.getByName(literal)).isPresent(), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "203.0.113.10",
      "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"})
  void publicAddressesPass(String literal) throws Exception {
    assertEquals(Optional.empty(), AddressPolicy.whyRefused(InetAddress.getByName(literal)), literal);
  }

  @Test
  void literalsAreToldFromNames() {
    assertTrue(AddressPolicy.isIpLiteral("10.0.0.1"));
    assertTrue(AddressPolicy.isIpLiteral("::1"));
    assertFalse(AddressPolicy.isIpLiteral("cdn.example.com"));
  }

  @Test
  void allowlistMatchesExactNamesAndSubdomainsOfWildcards() {
    HostAllowlist list = HostAllowlist.parse(" img.theapi.app , *.Example.com ");
    assertTrue(list.allows("img.theapi.app"));
    assertTrue(list.allows("IMG.theapi.app."));
    assertTrue(list.allows("a.b.example.com"));
    assertFalse(list.allows("example.com"));
    assertFalse(list.allows("badexample.com"));
    assertFalse(list.allows("theapi.app"));
    assertEquals("img.theapi.app,*.example.com", list.toString());
  }

  @Test
  void allowlistRefusesEntriesThatAreNotHostNames() {
    for (String bad : new String[] {"https://img.theapi.app", "img.theapi.app/x", "*", "*.com", "a.*.com",
        "img.theapi.app:443", "-a.com"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostAllowlist.parse(bad), bad);
      assertTrue(e.getMessage().contains("allowlist"), e.getMessage());
    }
  }

  @Test
  void defaultAllowlistCoversTheProvidersCdns() {
    HostAllowlist list = HostAllowlist.parse(HostAllowlist.DEFAULT);
    assertTrue(list.allows("img.theapi.app"));
    assertTrue(list.allows("storage.theapi.app"));
    assertTrue(list.allows("oaidalleapiprodscus.blob.core.windows.net"));
  }
}
