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

import java.util.List;

/**
 * An application that applies to a scope, with its origins after origin sets were
 * replaced by their members.
 *
 * @param application the application
 * @param origins its valid origins, each with the property it was written at
 * @author cors-gateway authors
 */
record AppliedApplication(CorsApplication application, List<OriginEntry> origins) {

	AppliedApplication {
		origins = List.copyOf(origins);
	}

}
