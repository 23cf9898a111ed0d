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
package io.corsgateway.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A route inside a service: path patterns, optional methods and policy fields.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsRouteProperties extends CorsPolicyProperties {

	/**
	 * Path patterns (Spring PathPattern syntax) this route matches; at least one.
	 */
	private List<String> paths = new ArrayList<>();

	/**
	 * Methods this route matches, compared ignoring case with the request method or, for
	 * a preflight, with Access-Control-Request-Method; a GET route also matches HEAD.
	 * Unset matches every method.
	 */
	private @Nullable List<String> methods;

	public List<String> getPaths() {
		return this.paths;
	}

	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	public @Nullable List<String> getMethods() {
		return this.methods;
	}

	public void setMethods(@Nullable List<String> methods) {
		this.methods = methods;
	}

}
