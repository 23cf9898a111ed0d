/*
 * Copyright 2026 the cors-gateway authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.corsgateway.internal.http;

import java.net.URI;
import java.net.URISyntaxException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link HttpSyntax}: RFC 9110 tokens and forbidden methods, default ports of
 * request schemes, host names of host patterns, and the serialized origins of RFC 6454
 * and Fetch as browsers send them.
 *
 * @author cors-gateway authors
 */
class HttpSyntaxTests {

	private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

	@Test
	void tokenCharactersAreExactlyTheRfc9110Tchars() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			boolean tchar = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
					|| TCHAR_SYMBOLS.indexOf(c) >= 0;
			assertThat(HttpSyntax.isTokenChar((char) c)).as("U+%04X", c).isEqualTo(tchar);
		}
	}

	@Test
	void emptyStringIsNotAToken() {
		assertThat(HttpSyntax.isToken("")).isFalse();
	}

	@Test
	void tokenMayConsistOfEveryTcharSymbol() {
		assertThat(HttpSyntax.isToken(TCHAR_SYMBOLS + "Az09")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "X Y", "X,Y", "X:Y", "\"X\"", "X\t", "(X)", "X/Y", "X=Y", "Ä", "X\u0000" })
	void valueWithAnyNonTcharIsNotAToken(String value) {
		assertThat(HttpSyntax.isToken(value)).isFalse();
	}

	@Test
	void onlyTheGivenRegionIsChecked() {
		assertThat(HttpSyntax.isToken(" X-Id,", 1, 5)).isTrue();
		assertThat(HttpSyntax.isToken(" X-Id,", 0, 5)).isFalse();
		assertThat(HttpSyntax.isToken(" X-Id,", 1, 6)).isFalse();
	}

	@Test
	void emptyOrReversedRegionIsNotAToken() {
		assertThat(HttpSyntax.isToken("abc", 1, 1)).isFalse();
		assertThat(HttpSyntax.isToken("abc", 2, 1)).isFalse();
	}

	@Test
	void originDefaultPortsAreThoseOfHttpAndHttps() {
		assertThat(HttpSyntax.originDefaultPort("https://a.example", 5)).isEqualTo(443);
		assertThat(HttpSyntax.originDefaultPort("http://a.example", 4)).isEqualTo(80);
	}

	@Test
	void otherOriginSchemesHaveNoDefaultPort() {
		assertThat(HttpSyntax.originDefaultPort("wss://a.example", 3)).isEqualTo(-1);
		assertThat(HttpSyntax.originDefaultPort("httpx://a.example", 5)).isEqualTo(-1);
		assertThat(HttpSyntax.originDefaultPort("hxxp://a.example", 4)).isEqualTo(-1);
		assertThat(HttpSyntax.originDefaultPort("ftp://a.example", 3)).isEqualTo(-1);
	}

	@Test
	void requestSchemesHaveTheDefaultPortsOfHttpAndHttps() {
		assertThat(HttpSyntax.defaultPort("http")).isEqualTo(80);
		assertThat(HttpSyntax.defaultPort("ws")).isEqualTo(80);
		assertThat(HttpSyntax.defaultPort("https")).isEqualTo(443);
		assertThat(HttpSyntax.defaultPort("wss")).isEqualTo(443);
	}

	@Test
	void requestSchemeIsComparedIgnoringAsciiCase() {
		assertThat(HttpSyntax.defaultPort("HTTP")).isEqualTo(80);
		assertThat(HttpSyntax.defaultPort("Ws")).isEqualTo(80);
		assertThat(HttpSyntax.defaultPort("HTTPS")).isEqualTo(443);
		assertThat(HttpSyntax.defaultPort("wsS")).isEqualTo(443);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "w", "wsx", "xs", "htt", "httpx", "hxxp", "ftp", "wsss", "httpss", "http\u017F",
			"ws\u017F" })
	void otherRequestSchemesHaveNoDefaultPort(String scheme) {
		// The long s (U+017F) is 'S' to the JDK's equalsIgnoreCase.
		assertThat(HttpSyntax.defaultPort(scheme)).isEqualTo(-1);
	}

	@Test
	void requestSchemeIsReadFromItsRegionOnly() {
		assertThat(HttpSyntax.defaultPort("xhttps://", 1, 6)).isEqualTo(443);
		assertThat(HttpSyntax.defaultPort("xhttps://", 2, 6)).isEqualTo(-1);
		assertThat(HttpSyntax.defaultPort("wss://", 0, 2)).isEqualTo(80);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONNECT", "TRACE", "TRACK", "connect", "trace", "track", "Track" })
	void connectTraceAndTrackAreForbiddenInAnyAsciiCase(String method) {
		assertThat(HttpSyntax.isForbiddenMethod(method)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "TRACES", "TRAC", "CONNECTS", "OPTIONS", "TRAC\u212A" })
	void otherMethodsAreNotForbidden(String method) {
		assertThat(HttpSyntax.isForbiddenMethod(method)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "api.example.com", "API.Example.COM", "_dmarc.example.com", "a-b.c_d", "0.1.2.3" })
	void hostNameIsLabelsOfAsciiLettersDigitsHyphensAndUnderscores(String host) {
		assertThat(HttpSyntax.isHostName(host, 0, host.length())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", ".a", "a.", "a..b", "a:80", "[::1]", "a b", "a/b", "*.a", "\u212Aelvin.example",
			"\u0130nternal.example", "exampl\u00e9.com" })
	void hostNameHasNoEmptyLabelPortBracketOrNonAsciiLetter(String host) {
		assertThat(HttpSyntax.isHostName(host, 0, host.length())).isFalse();
	}

	@Test
	void hostNameLabelsAreNotLimitedBut253CharactersAre() {
		String longLabel = "a".repeat(64) + ".example";
		assertThat(HttpSyntax.isHostName(longLabel, 0, longLabel.length())).isTrue();
		assertThat(HttpSyntax.hostEnd(longLabel, 0, longLabel.length())).isEqualTo(-1);
		String host = "a".repeat(253);
		assertThat(HttpSyntax.isHostName(host, 0, 253)).isTrue();
		assertThat(HttpSyntax.isHostName(host + "a", 0, 254)).isFalse();
	}

	@Test
	void hostNameIsReadFromItsRegionOnly() {
		assertThat(HttpSyntax.isHostName("*.example.com", 2, 13)).isTrue();
		assertThat(HttpSyntax.isHostName("*.example.com", 0, 13)).isFalse();
		assertThat(HttpSyntax.isHostName("example.com", 3, 3)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "https://a.example, 17", "http://a.example:8080, 16", "https://a.example:80, 17",
			"http://a.example:443, 16", "http://localhost:1, 16", "http://localhost:65535, 16",
			"chrome-extension://abcdef, 25", "web+app.v2://a, 14", "http://127.0.0.1, 16", "http://[::1], 12",
			"http://[::1]:8080, 12", "http://[::ffff:7f00:1], 22", "http://a_b.example, 18",
			"http://xn--bcher-kva.example, 28", "http://1.2.3.4.5, 16", "https://zoo0.example9:1090, 21",
			"http://[fa::1]:8080, 14", "http://[::ffff:127.0.0.1], 25" })
	void serializedOriginsAreAcceptedUpToTheEndOfTheirHost(String origin, int hostEnd) {
		assertThat(HttpSyntax.requestOriginHostEnd(origin, origin.indexOf("://"))).isEqualTo(hostEnd);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://a.example:443", "http://a.example:80" })
	void explicitDefaultPortIsNotASerializedOrigin(String origin) {
		assertNotSerialized(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://a.example:0", "http://a.example:65536", "http://a.example:99999",
			"http://a.example:08080", "http://a.example:123456", "http://a.example:", "http://a.example:8a",
			"http://a.example:-1", "http://a.example:+80", "http://a.example: 80" })
	void portMustBeADecimalFrom1To65535WithoutLeadingZero(String origin) {
		assertNotSerialized(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTPS://a.example", "Https://a.example", "1http://a.example", "+http://a.example",
			"ht_tp://a.example", "://a.example", "https:/a.example", "https//a.example", "a.example" })
	void schemeMustBeLowerCaseAndStartWithALetter(String origin) {
		assertNotSerialized(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://A.example", "https://a.Example", "https://", "https://.a.example",
			"https://a..example", "https://a.example.", "https://a.example/", "https://a.example/path",
			"https://a.example?x", "https://a.example#x", "https://user@a.example", "https://a example",
			"https://a%2eexample", "https://:8080", "https://a.example:8080/", "https://ä.example" })
	void hostMustBeLowerCaseLabelsAndNothingMayFollowThePort(String origin) {
		assertNotSerialized(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[]", "http://[:]", "http://[::1", "http://[::1]x", "http://[::1]/", "http://[::G]",
			"http://[::A]", "http://[::1]:", "http://[::1]:0", "http://[v1.x]" })
	void ipv6HostMustBeBracketedLowerCaseHexWithAtLeastTwoCharacters(String origin) {
		assertNotSerialized(origin);
	}

	@Test
	void malformedHostsEndNowhere() {
		assertThat(HttpSyntax.hostEnd("[::1", 0, 4)).isEqualTo(-1);
		assertThat(HttpSyntax.hostEnd("[:]", 0, 3)).isEqualTo(-1);
		assertThat(HttpSyntax.hostEnd("[::1]x", 0, 6)).isEqualTo(-1);
		assertThat(HttpSyntax.hostEnd("[::g]", 0, 5)).isEqualTo(-1);
		assertThat(HttpSyntax.hostEnd("a".repeat(64), 0, 64)).isEqualTo(-1);
		assertThat(HttpSyntax.hostEnd("a b", 0, 3)).isEqualTo(-1);
		assertThat(HttpSyntax.hostEnd("", 0, 0)).isEqualTo(-1);
	}

	@Test
	void hostEndsAtItsEndOrAtThePortColon() {
		assertThat(HttpSyntax.hostEnd("a.b", 0, 3)).isEqualTo(3);
		assertThat(HttpSyntax.hostEnd("a.b:1", 0, 5)).isEqualTo(3);
		assertThat(HttpSyntax.hostEnd("[::1]", 0, 5)).isEqualTo(5);
		assertThat(HttpSyntax.hostEnd("[::1]:1", 0, 7)).isEqualTo(5);
	}

	@Test
	void shortestBracketedIpv6HostIsAccepted() {
		assertThat(HttpSyntax.requestOriginHostEnd("http://[::]", 4)).isEqualTo(11);
	}

	@Test
	void labelMayHave63CharactersButNot64() {
		assertThat(HttpSyntax.requestOriginHostEnd("https://" + "a".repeat(63) + ".example", 5)).isEqualTo(8 + 63 + 8);
		assertNotSerialized("https://" + "a".repeat(64) + ".example");
		assertNotSerialized("https://" + "a".repeat(64));
	}

	@Test
	void hostMayHave253CharactersButNot254() {
		String label = "a".repeat(63);
		String host253 = label + "." + label + "." + label + "." + "a".repeat(61);
		assertThat(host253).hasSize(253);
		assertThat(HttpSyntax.requestOriginHostEnd("https://" + host253, 5)).isEqualTo(8 + 253);
		assertNotSerialized("https://" + host253 + "a");
	}

	@Test
	void originMayHave512CharactersButNot513() {
		// Too long for a host, so only an unknown scheme can make an origin this long.
		String scheme = "a".repeat(512 - "://a.example".length());
		assertThat(HttpSyntax.requestOriginHostEnd(scheme + "://a.example", scheme.length())).isEqualTo(512);
		assertThat(HttpSyntax.requestOriginHostEnd("a" + scheme + "://a.example", scheme.length() + 1)).isEqualTo(-1);
	}

	@Test
	void portsParseAsDecimalNumbers() {
		assertThat(HttpSyntax.parsePort("x:1", 2, 3)).isEqualTo(1);
		assertThat(HttpSyntax.parsePort("x:8443", 2, 6)).isEqualTo(8443);
		assertThat(HttpSyntax.parsePort("x:65535", 2, 7)).isEqualTo(65535);
		assertThat(HttpSyntax.parsePort("x:65536", 2, 7)).isEqualTo(-1);
		assertThat(HttpSyntax.parsePort("x:", 2, 2)).isEqualTo(-1);
		assertThat(HttpSyntax.parsePort("x:0", 2, 3)).isEqualTo(-1);
		assertThat(HttpSyntax.parsePort("x:100000", 2, 8)).isEqualTo(-1);
		assertThat(HttpSyntax.parsePort("x:9/", 2, 4)).isEqualTo(-1);
		assertThat(HttpSyntax.parsePort("x:/9", 2, 4)).isEqualTo(-1);
	}

	// Bracketed hosts are left out: the scan accepts any hex, ':' and '.' between
	// brackets,
	// which URI checks further.
	@Property(tries = 2000)
	void acceptedOriginsParseWithJavaNetUriIntoTheSameSchemeHostAndPort(@ForAll("originLike") String origin) {
		int schemeEnd = origin.indexOf("://");
		int hostEnd = HttpSyntax.requestOriginHostEnd(origin, schemeEnd);
		if (hostEnd < 0 || origin.contains("[")) {
			return;
		}
		URI uri;
		try {
			uri = new URI(origin);
		}
		catch (URISyntaxException ex) {
			throw new AssertionError(origin + " was accepted but does not parse", ex);
		}
		assertThat(uri.getScheme()).isEqualTo(origin.substring(0, schemeEnd));
		assertThat(uri.getRawAuthority()).isEqualTo(origin.substring(schemeEnd + 3));
		assertThat(uri.getRawPath()).isEmpty();
		assertThat(uri.getRawQuery()).isNull();
		assertThat(uri.getRawFragment()).isNull();
		// URI leaves names such as a_b or a- as registry authorities, without host.
		if (uri.getHost() != null) {
			assertThat(uri.getHost()).isEqualTo(origin.substring(schemeEnd + 3, hostEnd));
			assertThat(origin.substring(hostEnd)).isEqualTo((uri.getPort() == -1) ? "" : ":" + uri.getPort());
		}
	}

	@Property(tries = 1000)
	void everyWellFormedOriginIsAccepted(@ForAll("wellFormed") String origin) {
		int schemeEnd = origin.indexOf("://");
		int portColon = origin.indexOf(':', schemeEnd + 3);
		assertThat(HttpSyntax.requestOriginHostEnd(origin, schemeEnd))
			.isEqualTo((portColon < 0) ? origin.length() : portColon);
	}

	@Provide
	Arbitrary<String> wellFormed() {
		Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz0189-_").ofMinLength(1).ofMaxLength(63);
		Arbitrary<String> host = label.list().ofMinSize(1).ofMaxSize(4).map((labels) -> String.join(".", labels));
		Arbitrary<String> port = Arbitraries.integers()
			.between(1, 65535)
			.filter((value) -> value != 80 && value != 443)
			.map((value) -> ":" + value)
			.injectNull(0.3)
			.map((value) -> (value != null) ? value : "");
		return Combinators.combine(Arbitraries.of("http", "https"), host, port)
			.as((scheme, name, suffix) -> scheme + "://" + name + suffix)
			.filter((origin) -> hostLength(origin) <= 253);
	}

	private static int hostLength(String origin) {
		int start = origin.indexOf("://") + 3;
		int colon = origin.indexOf(':', start);
		return ((colon < 0) ? origin.length() : colon) - start;
	}

	@Provide
	Arbitrary<String> originLike() {
		Arbitrary<String> part = Arbitraries.of("http", "https", "://", ":", "/", ".", "a", "B", "example", "[", "]",
				"::1", "8080", "0", "65536", "443", "80", "@", "?", "#", "%2e", "-", "_", " ", "é");
		return part.list().ofMinSize(1).ofMaxSize(8).map((parts) -> String.join("", parts));
	}

	private static void assertNotSerialized(String origin) {
		assertThat(HttpSyntax.requestOriginHostEnd(origin, origin.indexOf("://"))).as(origin).isEqualTo(-1);
	}

}
