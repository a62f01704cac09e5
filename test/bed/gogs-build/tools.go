//go:build tools

// Package tools pins the Gogs server for `go build gogs.io/gogs`.
package tools

import _ "gogs.io/gogs"
