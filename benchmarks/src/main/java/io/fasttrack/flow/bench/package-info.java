/** Load generators and measurements of FastTrack Flow; run through deploy/bench/run. */
package io.fasttrack.flow.bench;
