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

/**
 * An application registered with services or routes: its origins are allowed there in
 * addition to each scope's own, with the scope's other policy fields.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsApplicationProperties {

	/**
	 * Origins of the application, in the forms allowed-origins accepts except '*' and
	 * 'null', or 'set:<name>' references to origin sets; at least one.
	 */
	private List<String> origins = new ArrayList<>();

	/**
	 * Scopes the application is registered with: a service id, for the service and all
	 * its routes, or 'service-id/route-id' for one route; at least one.
	 */
	private List<String> services = new ArrayList<>();

	public List<String> getOrigins() {
		return this.origins;
	}

	public void setOrigins(List<String> origins) {
		this.origins = origins;
	}

	public List<String> getServices() {
		return this.services;
	}

	public void setServices(List<String> services) {
		this.services = services;
	}

}
