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

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.CommaList;
import io.corsgateway.internal.http.HttpSyntax;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.util.Assert;

/**
 * The plain facts about a request that a CORS decision depends on: what the filter reads
 * from an exchange, and what a test, an endpoint or a servlet adapter can give just as
 * well. Build one with {@link #of(String, URI, HttpHeaders)} or the canonical
 * constructor.
 *
 * @param method the request method, as sent
 * @param scheme the request's scheme, or {@code null} when the request's own origin is
 * unknown (no scheme, or an authority that is not a well-formed server name); then no
 * {@code Origin} is taken for the request's own
 * @param host the request host without port, as a router reads it (see
 * {@link #of(String, URI, PathContainer, HttpHeaders)})
 * @param port the request port, or {@code -1} when the authority names none
 * @param path the path within the application
 * @param origin the first {@code Origin} value, or {@code null} when absent
 * @param originCount how many {@code Origin} field lines the request has; 0 exactly when
 * {@code origin} is {@code null}
 * @param requestMethod the first {@code Access-Control-Request-Method} value, or
 * {@code null} when absent (or, for the factory methods, when the request is not an
 * {@code OPTIONS} request and so cannot be a preflight)
 * @param requestMethodCount how many {@code Access-Control-Request-Method} field lines
 * the request has; 0 exactly when {@code requestMethod} is {@code null}
 * @param requestHeaders the {@code Access-Control-Request-Headers} lines joined with
 * commas, empty when absent
 * @param websocketHandshake whether the request opens a WebSocket: a {@code GET} with an
 * {@code Origin} and {@code websocket} among its {@code Upgrade} protocols (for the
 * factory methods; a request without {@code Origin} is treated as any other)
 * @param requestPrivateNetwork whether the request is an {@code OPTIONS} request with
 * {@code Access-Control-Request-Private-Network: true} (Private Network Access)
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record CorsRequest(String method, @Nullable String scheme, String host, int port, PathContainer path,
		@Nullable String origin, int originCount, @Nullable String requestMethod, int requestMethodCount,
		String requestHeaders, boolean websocketHandshake, boolean requestPrivateNetwork) {

	// Lower-case names: case-insensitive header maps look them up without lower-casing a
	// copy.
	private static final String ORIGIN = "origin";

	private static final String REQUEST_METHOD = "access-control-request-method";

	private static final String REQUEST_HEADERS = "access-control-request-headers";

	private static final String REQUEST_PRIVATE_NETWORK = "access-control-request-private-network";

	private static final String UPGRADE = "upgrade";

	/**
	 * Create the facts of a request that neither opens a WebSocket nor asks for private
	 * network access.
	 * @param method the request method
	 * @param scheme the request's scheme, or {@code null}
	 * @param host the request host
	 * @param port the request port, or {@code -1}
	 * @param path the path within the application
	 * @param origin the first {@code Origin} value, or {@code null}
	 * @param originCount how many {@code Origin} lines the request has
	 * @param requestMethod the first {@code Access-Control-Request-Method} value, or
	 * {@code null}
	 * @param requestMethodCount how many {@code Access-Control-Request-Method} lines the
	 * request has
	 * @param requestHeaders the {@code Access-Control-Request-Headers} lines joined with
	 * commas
	 */
	public CorsRequest(String method, @Nullable String scheme, String host, int port, PathContainer path,
			@Nullable String origin, int originCount, @Nullable String requestMethod, int requestMethodCount,
			String requestHeaders) {
		this(method, scheme, host, port, path, origin, originCount, requestMethod, requestMethodCount, requestHeaders,
				false, false);
	}

	/**
	 * Create the facts of a request.
	 */
	public CorsRequest {
		Assert.notNull(method, "'method' must not be null");
		Assert.notNull(host, "'host' must not be null");
		Assert.notNull(path, "'path' must not be null");
		Assert.notNull(requestHeaders, "'requestHeaders' must not be null");
		// A count and its first value describe the same lines: they must agree.
		Assert.isTrue((origin != null) == (originCount > 0), "'origin' must be null exactly when 'originCount' is 0");
		Assert.isTrue((requestMethod != null) == (requestMethodCount > 0),
				"'requestMethod' must be null exactly when 'requestMethodCount' is 0");
	}

	/**
	 * Read the facts of a request whose path within the application is its whole path.
	 * @param method the request method
	 * @param uri the request URI
	 * @param headers the request headers
	 * @return the facts
	 */
	public static CorsRequest of(String method, URI uri, HttpHeaders headers) {
		String rawPath = uri.getRawPath();
		return of(method, uri, PathContainer.parsePath((rawPath != null) ? rawPath : ""), headers);
	}

	/**
	 * Read the facts of a request.
	 * <p>
	 * The host is the URI's; when {@link URI} leaves it {@code null} because the
	 * authority is not a well-formed server name ({@code api..example.com}), a router may
	 * still read it as one, so it is taken from the raw authority then, and the request
	 * cannot fall to a catch-all service.
	 * <p>
	 * Several {@code Access-Control-Request-Headers} lines mean the same as one line
	 * joining them with commas (RFC 9110). The preflight headers are read only for
	 * {@code OPTIONS} requests, the only ones that can be preflights.
	 * @param method the request method
	 * @param uri the request URI
	 * @param path the path within the application
	 * @param headers the request headers
	 * @return the facts
	 */
	public static CorsRequest of(String method, URI uri, PathContainer path, HttpHeaders headers) {
		return of(method, uri, path, headers, true);
	}

	/**
	 * Read the facts of a request as {@link #of(String, URI, PathContainer, HttpHeaders)}
	 * does, skipping {@code Access-Control-Request-Private-Network} unless asked: a
	 * filter whose policies never allow private network access need not look it up.
	 * @param method the request method
	 * @param uri the request URI
	 * @param path the path within the application
	 * @param headers the request headers
	 * @param readPrivateNetwork whether to read
	 * {@code Access-Control-Request-Private-Network}; when {@code false},
	 * {@link #requestPrivateNetwork()} is {@code false}
	 * @return the request's facts
	 * @see CorsPolicies#isPrivateNetworkAllowed()
	 */
	public static CorsRequest of(String method, URI uri, PathContainer path, HttpHeaders headers,
			boolean readPrivateNetwork) {
		String uriHost = uri.getHost();
		List<String> origins = headers.get(ORIGIN);
		// Only an OPTIONS request can be a preflight: the others skip two header lookups.
		boolean options = "OPTIONS".equals(method);
		List<String> requestMethods = options ? headers.get(REQUEST_METHOD) : null;
		// Only a GET can open a WebSocket (RFC 6455), and only one with an Origin needs
		// its origin checked.
		boolean handshake = origins != null && "GET".equals(method) && isWebsocketUpgrade(lines(headers, UPGRADE));
		return new CorsRequest(method, (uriHost != null) ? uri.getScheme() : null,
				(uriHost != null) ? uriHost : rawAuthorityHost(uri), uri.getPort(), path, first(origins),
				count(origins), first(requestMethods), count(requestMethods), options ? requestHeaders(headers) : "",
				handshake, options && readPrivateNetwork && isTrue(lines(headers, REQUEST_PRIVATE_NETWORK)));
	}

	// The lines of a header that is usually absent. getFirst finds that out without
	// allocating, where some header maps (Netty's among them) build an empty list for
	// get.
	private static @Nullable List<String> lines(HttpHeaders headers, String name) {
		return (headers.getFirst(name) != null) ? headers.get(name) : null;
	}

	// Upgrade is a comma-separated list of protocols; browsers send just "websocket".
	private static boolean isWebsocketUpgrade(@Nullable List<String> lines) {
		if (lines == null) {
			return false;
		}
		for (String line : lines) {
			for (int from = 0, end; from <= line.length(); from = end + 1) {
				end = CommaList.entryEnd(line, from);
				int start = CommaList.trimStart(line, from, end);
				int stop = CommaList.trimEnd(line, start, end);
				if (stop - start == 9 && Ascii.regionMatchesIgnoreCase(line, start, "websocket", 0, 9)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isTrue(@Nullable List<String> lines) {
		return lines != null && lines.size() == 1 && "true".equals(lines.get(0));
	}

	private static @Nullable String first(@Nullable List<String> values) {
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static int count(@Nullable List<String> values) {
		return (values != null) ? values.size() : 0;
	}

	private static String requestHeaders(HttpHeaders headers) {
		List<String> lines = headers.get(REQUEST_HEADERS);
		return (lines == null || lines.isEmpty()) ? "" : (lines.size() == 1) ? lines.get(0) : String.join(",", lines);
	}

	// Such an authority is registry-based, which java.net.URI accepts only without
	// brackets (a bracketed IPv6 literal is a server name or a syntax error), so the host
	// ends at the last colon after the user info.
	static String rawAuthorityHost(URI uri) {
		String authority = uri.getRawAuthority();
		if (authority == null) {
			return "";
		}
		int start = authority.lastIndexOf('@') + 1;
		int colon = authority.lastIndexOf(':');
		return authority.substring(start, (colon < start) ? authority.length() : colon);
	}

	/**
	 * Whether the request is a CORS preflight: {@code OPTIONS} with an
	 * {@code Access-Control-Request-Method} line and an {@code Origin}.
	 * @return whether the request is a preflight
	 */
	public boolean isPreflight() {
		return isPreflight(this.method, this.origin, this.requestMethod);
	}

	static boolean isPreflight(String method, @Nullable String origin, @Nullable String requestMethod) {
		return origin != null && requestMethod != null && "OPTIONS".equals(method);
	}

	/**
	 * The method a policy is chosen for: the requested method for a preflight, the
	 * request method otherwise.
	 * @return the method to route by
	 */
	public String routingMethod() {
		return routingMethod(this.method, this.origin, this.requestMethod);
	}

	static String routingMethod(String method, @Nullable String origin, @Nullable String requestMethod) {
		return (requestMethod != null && isPreflight(method, origin, requestMethod)) ? requestMethod : method;
	}

	/**
	 * Whether the {@code Origin} is the request's own scheme, host and port, compared
	 * without building the request's origin string. Browsers send origins in lower case,
	 * so an upper-case {@code Origin} is malformed and never the request's own: only the
	 * request side is folded, and only ASCII letters.
	 * @return whether the request comes from its own origin
	 */
	public boolean isSameOrigin() {
		return isSameOrigin(this.origin, this.scheme, this.host, this.port);
	}

	static boolean isSameOrigin(@Nullable String origin, @Nullable String scheme, String host, int port) {
		if (origin == null || scheme == null) {
			return false;
		}
		int schemeLength = scheme.length();
		int hostStart = schemeLength + 3;
		int hostEnd = hostStart + host.length();
		if (origin.length() < hostEnd || !matchesLowerCase(origin, 0, scheme) || !origin.startsWith("://", schemeLength)
				|| !matchesLowerCase(origin, hostStart, host)) {
			return false;
		}
		int ownPort = (port == HttpSyntax.defaultPort(scheme)) ? -1 : port;
		if (origin.length() == hostEnd) {
			return ownPort == -1;
		}
		// A serialized port has no leading zero: ':08080' is not port 8080's origin.
		return ownPort != -1 && origin.charAt(hostEnd) == ':'
				&& HttpSyntax.parsePort(origin, hostEnd + 1, origin.length()) == ownPort;
	}

	private static boolean matchesLowerCase(String origin, int from, String requestPart) {
		for (int i = 0; i < requestPart.length(); i++) {
			if (origin.charAt(from + i) != Ascii.toLowerCase(requestPart.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
