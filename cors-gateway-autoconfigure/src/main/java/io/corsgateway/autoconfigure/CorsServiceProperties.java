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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service: path patterns, optional hosts, policy fields and routes.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsServiceProperties extends CorsPolicyProperties {

	/**
	 * Path patterns (Spring PathPattern syntax) this service matches; at least one.
	 */
	private List<String> paths = new ArrayList<>();

	/**
	 * Hosts this service matches, exact or '*.example.com'. Empty matches every host.
	 */
	private List<String> hosts = new ArrayList<>();

	/**
	 * Routes by id, each overriding the service's policy fields.
	 */
	private final Map<String, CorsRouteProperties> routes = new LinkedHashMap<>();

	public List<String> getPaths() {
		return this.paths;
	}

	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	public List<String> getHosts() {
		return this.hosts;
	}

	public void setHosts(List<String> hosts) {
		this.hosts = hosts;
	}

	public Map<String, CorsRouteProperties> getRoutes() {
		return this.routes;
	}

}
