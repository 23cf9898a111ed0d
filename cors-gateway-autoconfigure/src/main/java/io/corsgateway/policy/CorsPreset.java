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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;

/**
 * What a kind of client needs from a scope, named so that a scope can ask for it with
 * {@code presets: [name]} instead of listing each method and header. A preset only adds:
 * its methods, request headers and exposed headers are merged with the scope's own lists,
 * and every other field (origins, credentials) stays the scope's. Adding a preset is
 * adding one constant here.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 * @see PolicyField#PRESETS
 */
public enum CorsPreset {

	/**
	 * Browser-based Model Context Protocol clients (Streamable HTTP transport): the
	 * session and protocol version headers, resumption of an event stream with
	 * {@code Last-Event-ID}, OAuth bearer tokens and JSON bodies; the session id and the
	 * authorization challenge are readable by the client; {@code DELETE} ends a session.
	 */
	MCP("mcp", List.of("GET", "POST", "DELETE"),
			List.of("Mcp-Session-Id", "Mcp-Protocol-Version", "Last-Event-ID", "Authorization", "Content-Type"),
			List.of("Mcp-Session-Id", "WWW-Authenticate"));

	private static final Map<String, CorsPreset> BY_NAME = byName();

	private final String presetName;

	private final List<String> methods;

	private final List<String> allowedHeaders;

	private final List<String> exposedHeaders;

	CorsPreset(String presetName, List<String> methods, List<String> allowedHeaders, List<String> exposedHeaders) {
		this.presetName = presetName;
		this.methods = methods;
		this.allowedHeaders = allowedHeaders;
		this.exposedHeaders = exposedHeaders;
	}

	private static Map<String, CorsPreset> byName() {
		Map<String, CorsPreset> byName = new LinkedHashMap<>();
		for (CorsPreset preset : values()) {
			byName.put(preset.presetName, preset);
		}
		return byName;
	}

	/**
	 * The preset of the given name, compared ignoring case.
	 * @param name the name, as written in {@code presets}
	 * @return the preset, or {@code null} when there is none of that name
	 */
	public static @Nullable CorsPreset of(@Nullable String name) {
		return (name != null) ? BY_NAME.get(Ascii.toLowerCase(name)) : null;
	}

	/**
	 * The names of every preset, as {@code presets} accepts them.
	 * @return the names
	 */
	public static List<String> names() {
		return new ArrayList<>(BY_NAME.keySet());
	}

	/**
	 * The name a scope's {@code presets} uses, such as {@code mcp}.
	 * @return the name
	 */
	public String getPresetName() {
		return this.presetName;
	}

	/**
	 * The methods the preset adds to {@code allowed-methods}.
	 * @return the methods
	 */
	public List<String> getMethods() {
		return this.methods;
	}

	/**
	 * The request header names the preset adds to {@code allowed-headers}.
	 * @return the header names
	 */
	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	/**
	 * The response header names the preset adds to {@code exposed-headers}.
	 * @return the header names
	 */
	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

}
