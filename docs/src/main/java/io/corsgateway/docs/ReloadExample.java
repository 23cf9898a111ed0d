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
package io.corsgateway.docs;

import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadResult;

/**
 * Example of a reload asked for by the application: after a value that a
 * {@code CorsPolicyCustomizer} reads has changed, the policies are rebuilt from the
 * {@code cors.*} properties and the customizers, and swapped in unless they are invalid.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class ReloadExample {

	private final CorsPolicyReloader reloader;

	/**
	 * Create the example around the auto-configured reloader.
	 * @param reloader the reloader
	 */
	public ReloadExample(CorsPolicyReloader reloader) {
		this.reloader = reloader;
	}

	/**
	 * Rebuild the policies because the partner list changed.
	 * @return whether the new policies are in force
	 */
	// tag::reload[]
	public boolean partnersChanged() {
		ReloadResult result = this.reloader.reload("partner list changed");
		// Never throws for an invalid configuration: the policies in force stay, and
		// result.errors() names each property, as the log does.
		return result.isSuccess();
	}
	// end::reload[]

}
