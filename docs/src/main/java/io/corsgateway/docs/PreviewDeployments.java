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

import java.util.List;

/**
 * Stand-in for a source of origins that is only known at runtime, such as a registry of
 * preview deployments.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@FunctionalInterface
public interface PreviewDeployments {

	/**
	 * The origins of the preview deployments that currently exist.
	 * @return serialized origins such as {@code https://pr-42.preview.shop.example}
	 */
	List<String> origins();

}
