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
package io.corsgateway.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of origin and request-header evaluation (gh-3): generated policies
 * and generated, mutated origins are checked against a reference model written here from
 * the documented semantics alone, and the filter is run on arbitrary header values.
 *
 * @author cors-gateway authors
 */
class OriginPropertiesTests {

	private static final String GATEWAY = "https://gateway.internal.test";

	private static final PathContainer PATH = PathContainer.parsePath("/api/1");

	private static final List<String> PATTERNS = List.of("https://[a-z]+\\.example\\.com",
			"https?://([a-z0-9-]+\\.)*shop\\.example\\.com(:[0-9]+)?", "https://api-[0-9]+\\.example\\.net",
			"http://localhost(:[0-9]+)?", "https://.+\\.example\\.org", "[a-z]+");

	private static final List<String> HOSTS = List.of("example.com", "shop.example.com", "a.shop.example.com",
			"example.net", "api-7.example.net", "www.example.org", "localhost", "127.0.0.1", "[::1]", "evil.net",
			"example.com.evil.net", "evilexample.com", "xn--bcher-kva.example", "com", "Example.COM");

	private static final List<String> PARENTS = List.of("example.com", "shop.example.com", "example.net", "example.org",
			"localhost", "Example.COM");

	// The specials PortSwigger and CORScanner insert after or inside a trusted host.
	private static final List<String> INSERTIONS = List.of("/", "?", "#", "@", "_", "`", "%60", "!", ".", ":", " ",
			"\r\n", "\t", "\u0000", "é", "\u212a", ",", "*", "-", "..", "evil", "\\", "[", "]");

	// A serialized origin as a browser sends it, written from RFC 6454 and the Fetch
	// standard: lower-case scheme and host, no default port, nothing after the port.
	private static final java.util.regex.Pattern SERIALIZED_ORIGIN = java.util.regex.Pattern
		.compile("([a-z][a-z0-9+.-]*)://(\\[[0-9a-f:.]{2,}]|[a-z0-9_-]{1,63}(?:\\.[a-z0-9_-]{1,63})*)(?::([0-9]+))?");

	private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	// Strict, credentialed policy and an open one: both paths of the protocol.
	private final CorsPolicies hostilePolicies = CorsPolicies.builder()
		.service("api",
				(api) -> api.paths("/api/**")
					.allowedOrigins("https://shop.example.com", "https://*.example.com")
					.allowedOriginPatterns("https://[a-z]+\\.example\\.net")
					.allowedHeaders("Content-Type", "X-Request-Id")
					.allowCredentials(true))
		.service("open", (open) -> open.paths("/open/**").allowedOrigins("*").allowedMethods("*").allowedHeaders("*"))
		.build();

	// Edge cases of the generated (policy, origin) pairs add seconds and nothing the
	// generators do not already aim at.
	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void policyAllowsAnOriginExactlyWhenTheReferenceModelDoes(
			@ForAll("policiesAndOrigins") Tuple2<WrittenPolicy, String> sample) {
		WrittenPolicy written = sample.get1();
		String origin = sample.get2();
		boolean expected = written.allows(origin);
		Statistics.label("allowed").collect(expected);
		Statistics.label("allowed").coverage((coverage) -> coverage.check(true).percentage((percent) -> percent > 15));
		assertThat(written.compile().allowsOrigin(origin)).as("origin '%s' under %s", origin, written)
			.isEqualTo(expected);
	}

	@Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
	void filterReflectsAnOriginExactlyWhenTheReferenceModelAllowsIt(
			@ForAll("policiesAndOrigins") Tuple2<WrittenPolicy, String> sample, @ForAll boolean preflight) {
		WrittenPolicy written = sample.get1();
		String origin = sample.get2();
		AtomicInteger handlerCalls = new AtomicInteger();
		MockServerWebExchange exchange = MockServerWebExchange.from(preflight
				? MockServerHttpRequest.options(GATEWAY + "/api/1")
					.header(HttpHeaders.ORIGIN, origin)
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
				: MockServerHttpRequest.get(GATEWAY + "/api/1").header(HttpHeaders.ORIGIN, origin));
		new CorsGatewayWebFilter(written.build()).filter(exchange, (ex) -> {
			handlerCalls.incrementAndGet();
			ex.getResponse().getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://upstream.example");
			return ex.getResponse().setComplete();
		}).block(Duration.ofSeconds(5));
		List<String> allowOrigin = exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		if (written.allows(origin)) {
			assertThat(allowOrigin).containsExactly(written.any() ? "*" : origin);
			assertThat(handlerCalls).hasValue(preflight ? 0 : 1);
		}
		else {
			assertThat(allowOrigin).isNull();
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(handlerCalls).hasValue(0);
		}
	}

	@Property(tries = 2000)
	void filterAnswersArbitraryHeaderValuesWithoutAnException(@ForAll("hostileOrigins") String origin,
			@ForAll("hostileMethods") String requestMethod, @ForAll("hostileHeaderLists") String requestHeaders) {
		for (String path : new String[] { "/api/1", "/open/1" }) {
			AtomicInteger handlerCalls = new AtomicInteger();
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.options(GATEWAY + path)
				.header(HttpHeaders.ORIGIN, origin)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, requestMethod)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, requestHeaders));
			new CorsGatewayWebFilter(this.hostilePolicies).filter(exchange, (ex) -> {
				handlerCalls.incrementAndGet();
				return ex.getResponse().setComplete();
			}).block(Duration.ofSeconds(5));
			assertThat(handlerCalls).hasValue(0);
			assertThat(exchange.getResponse().getStatusCode()).isIn(HttpStatus.NO_CONTENT, HttpStatus.FORBIDDEN);
			Statistics.label("status").collect(exchange.getResponse().getStatusCode());
			Statistics.label("status")
				.coverage((coverage) -> coverage.check(HttpStatus.NO_CONTENT).percentage((percent) -> percent > 3));
			List<String> allowOrigin = exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
			if (allowOrigin != null) {
				assertThat(allowOrigin).singleElement().isIn("*", origin);
				assertThat(SERIALIZED_ORIGIN.matcher(origin).matches() || origin.equals("null")).isTrue();
			}
		}
	}

	@Property(tries = 2000)
	void requestedHeadersAreAllowedExactlyWhenEveryListedNameIs(@ForAll("headerLists") String requested,
			@ForAll boolean anyHeader) {
		CorsPolicy policy = CorsPolicies.builder()
			.service("api",
					(api) -> api.paths("/api/**")
						.allowedOrigins("https://shop.example.com")
						.allowedHeaders(anyHeader ? List.of("*") : List.of("Content-Type", "X-Request-Id")))
			.build()
			.find("gateway.internal.test", PATH, "GET");
		assertThat(policy).isNotNull();
		List<String> names = referenceHeaderNames(requested, anyHeader);
		Statistics.label("allowed").collect(names != null);
		Statistics.label("allowed").coverage((coverage) -> coverage.check(true).percentage((percent) -> percent > 10));
		String allowed = policy.allowedRequestHeaders(requested);
		if (names == null) {
			assertThat(allowed).isNull();
		}
		else if (names.isEmpty()) {
			assertThat(allowed).isEmpty();
		}
		else {
			assertThat(allowed).isNotNull();
			assertThat(Arrays.asList(allowed.split(","))).containsExactlyElementsOf(names);
		}
	}

	// The reference model of Access-Control-Request-Headers: a comma-separated list
	// whose empty entries and surrounding spaces or tabs are ignored; every name must be
	// a token, allowed case-insensitively ('*' covers all but Authorization); at most
	// MAX_REQUEST_HEADER_COUNT names in at most MAX_REQUEST_HEADERS_LENGTH characters.
	// Returns null for a refusal.
	private static @Nullable List<String> referenceHeaderNames(String requested, boolean anyHeader) {
		if (requested.length() > CorsPolicy.MAX_REQUEST_HEADERS_LENGTH) {
			return null;
		}
		List<String> names = new ArrayList<>();
		for (String entry : requested.split(",", -1)) {
			String name = entry.replaceAll("^[ \t]+|[ \t]+$", "");
			if (name.isEmpty()) {
				continue;
			}
			if (!TOKEN.matcher(name).matches()) {
				return null;
			}
			String lower = name.toLowerCase(Locale.ROOT);
			boolean allowed = anyHeader ? !lower.equals("authorization")
					: lower.equals("content-type") || lower.equals("x-request-id");
			if (!allowed) {
				return null;
			}
			names.add(name);
		}
		return (names.size() <= CorsPolicy.MAX_REQUEST_HEADER_COUNT) ? names : null;
	}

	@Provide
	Arbitrary<WrittenPolicy> policies() {
		Arbitrary<String> scheme = Arbitraries.of("https", "http", "HTTPS", "Http");
		Arbitrary<String> port = Arbitraries.of("", "", "8443", "3000", "*", "443", "80");
		Arbitrary<WrittenOrigin> exact = Combinators.combine(scheme, Arbitraries.of(HOSTS), port)
			.as((s, h, p) -> new WrittenOrigin(s, false, h, p));
		Arbitrary<WrittenOrigin> subdomains = Combinators.combine(scheme, Arbitraries.of(PARENTS), port)
			.as((s, h, p) -> new WrittenOrigin(s, true, h, p));
		return Combinators.combine(
				Arbitraries.frequencyOf(
						Tuple.of(9, Arbitraries.oneOf(exact, subdomains).list().ofMinSize(1).ofMaxSize(5)),
						Tuple.of(1, Arbitraries.just(List.<WrittenOrigin>of()))),
				Arbitraries.of(PATTERNS).list().ofMaxSize(2), Arbitraries.of(false, false, false, true),
				Arbitraries.of(false, false, false, false, false, true))
			.as(WrittenPolicy::new);
	}

	@Provide
	Arbitrary<Tuple2<WrittenPolicy, String>> policiesAndOrigins() {
		return policies().flatMap((policy) -> {
			Arbitrary<String> origin = policy.origins().isEmpty() ? origins()
					: Arbitraries.frequencyOf(Tuple.of(1, origins()), Tuple.of(2, mutated(near(policy.origins()))));
			return origin.map((value) -> Tuple.of(policy, value));
		});
	}

	@Provide
	Arbitrary<String> origins() {
		Arbitrary<String> scheme = Arbitraries.of("https", "https", "http", "HTTPS", "ftp", "wss", "h");
		Arbitrary<String> port = Arbitraries.of("", "", "", ":8443", ":3000", ":443", ":80", ":0", ":65536", ":0443",
				":99999", ":");
		Arbitrary<String> wellShaped = Combinators.combine(scheme, subdomains(), Arbitraries.of(HOSTS), port)
			.as((s, sub, h, p) -> s + "://" + sub + h + p);
		Arbitrary<String> literals = Arbitraries.of("null", "NULL", "*", "", " ", "https://",
				"https://" + "a.".repeat(300) + "example.com");
		return Arbitraries.frequencyOf(Tuple.of(10, mutated(wellShaped)), Tuple.of(1, literals));
	}

	// Origins a browser could send for one of the written entries: mostly the entry
	// itself, else a subdomain of it or another port.
	private static Arbitrary<String> near(List<WrittenOrigin> written) {
		Arbitrary<String> port = Arbitraries.of("", ":8443", ":3000", ":443", ":80");
		return Combinators.combine(Arbitraries.of(written), subdomains(), port, Arbitraries.integers().between(0, 3))
			.as((origin, sub, otherPort, choice) -> {
				String scheme = origin.scheme().toLowerCase(Locale.ROOT);
				String ownPort = (origin.port().isEmpty() || origin.port().equals("*")
						|| (scheme + ":" + origin.port()).matches("https:443|http:80")) ? "" : ":" + origin.port();
				return scheme + "://" + ((origin.subdomains() || choice == 0) ? sub : "")
						+ origin.host().toLowerCase(Locale.ROOT) + ((choice == 1) ? otherPort : ownPort);
			});
	}

	private static Arbitrary<String> subdomains() {
		return Arbitraries.of("", "", "a.", "eu.", "www.", "api-1.", "x_y.", "-.", "a.b.");
	}

	// The mutations PortSwigger and CORScanner try: inserted characters and changed case.
	private static Arbitrary<String> mutated(Arbitrary<String> origins) {
		Arbitrary<String> inserted = Combinators
			.combine(origins, Arbitraries.of(INSERTIONS), Arbitraries.integers().between(0, 100))
			.as((origin, insertion, at) -> {
				int position = at % (origin.length() + 1);
				return origin.substring(0, position) + insertion + origin.substring(position);
			});
		Arbitrary<String> caseChanged = Combinators.combine(origins, Arbitraries.integers().between(0, 100))
			.as((origin, at) -> {
				int position = at % origin.length();
				return origin.substring(0, position) + origin.substring(position, position + 1).toUpperCase(Locale.ROOT)
						+ origin.substring(position + 1);
			});
		return Arbitraries.frequencyOf(Tuple.of(6, origins), Tuple.of(3, inserted), Tuple.of(2, caseChanged));
	}

	@Provide
	Arbitrary<String> hostileOrigins() {
		return hostile(Arbitraries.frequencyOf(Tuple.of(1, origins()), Tuple.of(1, Arbitraries
			.of("https://shop.example.com", "https://eu.example.com", "https://app.example.net", "null"))));
	}

	@Provide
	Arbitrary<String> hostileMethods() {
		return hostile(Arbitraries.of("GET", "HEAD", "POST", "PATCH", "X-CUSTOM"));
	}

	@Provide
	Arbitrary<String> hostileHeaderLists() {
		return hostile(Arbitraries.of("", "content-type", "Content-Type, X-Request-Id", "x-request-id,,"));
	}

	// Values a browser could send, mixed with arbitrary Unicode, separator floods and
	// values around MAX_REQUEST_HEADERS_LENGTH.
	private static Arbitrary<String> hostile(Arbitrary<String> plausible) {
		return Arbitraries.frequencyOf(Tuple.of(5, plausible), Tuple.of(2, Arbitraries.strings()),
				Tuple.of(1, Arbitraries.strings().withChars(",: \t\r\naA-").ofMaxLength(6000)),
				Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(4000).ofMaxLength(5000)));
	}

	@Provide
	Arbitrary<String> headerLists() {
		Arbitrary<String> allowedName = Arbitraries.of("content-type", "Content-Type", "X-REQUEST-ID", "x-request-id",
				"", " ");
		Arbitrary<String> anyName = Arbitraries.of("content-type", "Content-Type", "X-REQUEST-ID", "x-request-id",
				"authorization", "Authorization", "x-other", "", " ", "x b", "x:y", "é", "x\u212a", "\"q\"", "x\r\ny",
				"a".repeat(100));
		Arbitrary<String> separator = Arbitraries.of(",", ",", ", ", " ,", ",,", "\t,", ", \t");
		Arbitrary<List<String>> names = Arbitraries.frequencyOf(Tuple.of(2, allowedName.list().ofMaxSize(70)),
				Tuple.of(2, anyName.list().ofMaxSize(4)), Tuple.of(1, anyName.list().ofMaxSize(70)));
		return Combinators.combine(names, separator, Arbitraries.of("", "", " ", "\t", ","))
			.as((list, between, around) -> around + String.join(between, list) + around);
	}

	/**
	 * One configured {@code allowed-origins} entry, kept in parts so that the reference
	 * model never has to parse what the generator wrote.
	 */
	record WrittenOrigin(String scheme, boolean subdomains, String host, String port) {

		String written() {
			return this.scheme + "://" + (this.subdomains ? "*." : "") + this.host
					+ (this.port.isEmpty() ? "" : ":" + this.port);
		}

		// Normalization: lower-case scheme and host, default port dropped.
		boolean allows(String scheme, String host, String port) {
			String ownScheme = this.scheme.toLowerCase(Locale.ROOT);
			String ownHost = this.host.toLowerCase(Locale.ROOT);
			String ownPort = (ownScheme.equals("https") && this.port.equals("443"))
					|| (ownScheme.equals("http") && this.port.equals("80")) ? "" : this.port;
			if (!scheme.equals(ownScheme) || !(ownPort.equals("*") || ownPort.equals(port))) {
				return false;
			}
			return this.subdomains ? host.endsWith("." + ownHost) : host.equals(ownHost);
		}

	}

	/**
	 * A policy as a user writes it, with the reference model of what it allows.
	 */
	record WrittenPolicy(List<WrittenOrigin> origins, List<String> patterns, boolean nullOrigin, boolean any) {

		CorsPolicies build() {
			List<String> allowedOrigins = new ArrayList<>();
			this.origins.forEach((origin) -> allowedOrigins.add(origin.written()));
			if (this.nullOrigin) {
				allowedOrigins.add("null");
			}
			if (this.any) {
				allowedOrigins.add("*");
			}
			return CorsPolicies.builder()
				.service("api",
						(api) -> api.paths("/api/**")
							.allowedOrigins(allowedOrigins)
							.allowedOriginPatterns(this.patterns))
				.build();
		}

		CorsPolicy compile() {
			CorsPolicy policy = build().find("gateway.internal.test", PATH, "GET");
			assertThat(policy).isNotNull();
			return policy;
		}

		// Entries match serialized origins only, 'null' only itself or '*' (never
		// credentialed here); a pattern must match the whole origin.
		boolean allows(String origin) {
			if (origin.equals("null")) {
				return this.nullOrigin || this.any;
			}
			Matcher matcher = SERIALIZED_ORIGIN.matcher(origin);
			if (!matcher.matches() || origin.length() > 512) {
				return false;
			}
			String scheme = matcher.group(1);
			String host = matcher.group(2);
			String port = (matcher.group(3) != null) ? matcher.group(3) : "";
			if (!host.startsWith("[") && host.length() > 253) {
				return false;
			}
			if (!port.isEmpty() && (port.startsWith("0") || port.length() > 5 || Integer.parseInt(port) > 65535
					|| (scheme.equals("https") && port.equals("443"))
					|| (scheme.equals("http") && port.equals("80")))) {
				return false;
			}
			if (this.any) {
				return true;
			}
			for (WrittenOrigin written : this.origins) {
				if (written.allows(scheme, host, port)) {
					return true;
				}
			}
			for (String pattern : this.patterns) {
				if (java.util.regex.Pattern.matches(pattern, origin)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			List<String> written = new ArrayList<>();
			this.origins.forEach((origin) -> written.add(origin.written()));
			return "allowed-origins " + written + (this.nullOrigin ? " + null" : "") + (this.any ? " + *" : "")
					+ ", allowed-origin-patterns " + this.patterns;
		}

	}

}
