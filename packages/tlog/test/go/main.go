// Command crosscheck is an independent verifier for @txng/tlog, built on Debian's golang.org/x/mod
// (sumdb/note and sumdb/tlog). It reads a JSON request on stdin, checks the notes, tree hashes, tiles and
// proofs produced by the TypeScript code, produces its own for the TypeScript side to check, and writes a
// JSON report on stdout. Runs in GOPATH mode, offline: GO111MODULE=off GOPATH=/usr/share/gocode go run main.go
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type noteCheck struct {
	Vkey string `json:"vkey"`
	Msg  string `json:"msg"`
}

type signCheck struct {
	Skey string `json:"skey"`
	Text string `json:"text"`
}

type proofCheck struct {
	Index int64    `json:"index"` // leaf index (inclusion) or old size (consistency)
	Root  []byte   `json:"root"`  // old root (consistency)
	Proof [][]byte `json:"proof"`
}

type treeCheck struct {
	Entries     [][]byte          `json:"entries"`
	Size        int64             `json:"size"`
	Root        []byte            `json:"root"`
	Tiles       map[string][]byte `json:"tiles"` // C2SP path -> content
	Inclusion   []proofCheck      `json:"inclusion"`
	Consistency []proofCheck      `json:"consistency"`
}

type request struct {
	Notes    []noteCheck `json:"notes"`
	Signs    []signCheck `json:"signs"`
	Trees    []treeCheck `json:"trees"`
	Generate struct {
		Seed    []byte   `json:"seed"`
		Name    string   `json:"name"`
		Text    string   `json:"text"`
		Entries [][]byte `json:"entries"`
	} `json:"generate"`
}

type result struct {
	OK       bool     `json:"ok"`
	Err      string   `json:"err,omitempty"`
	Verified []string `json:"verified,omitempty"`
	Note     string   `json:"note,omitempty"`
	Proof    [][]byte `json:"proof,omitempty"`
}

type treeResult struct {
	Root        []byte   `json:"root"`
	TilePaths   result   `json:"tilePaths"`
	TileReads   result   `json:"tileReads"`
	Inclusion   []result `json:"inclusion"`
	Consistency []result `json:"consistency"`
}

type report struct {
	Notes     []result          `json:"notes"`
	Signs     []result          `json:"signs"`
	Trees     []treeResult      `json:"trees"`
	Vkey      string            `json:"vkey"`
	Skey      string            `json:"skey"`
	Note      string            `json:"note"`
	GoRoot    []byte            `json:"goRoot"`
	GoTiles   map[string][]byte `json:"goTiles"`
	GoProofs  [][][]byte        `json:"goProofs"`  // inclusion proof of every leaf
	GoTreeOld [][][]byte        `json:"goTreeOld"` // consistency proof from every older size
}

func errResult(err error) result {
	if err != nil {
		return result{Err: err.Error()}
	}
	return result{OK: true}
}

// memoryTiles serves tiles by their C2SP path (tile/L/N[.p/W]); x/mod names them tile/8/L/N[.p/W].
type memoryTiles map[string][]byte

func (m memoryTiles) Height() int { return 8 }

func (m memoryTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		data, ok := m["tile/"+strings.TrimPrefix(t.Path(), "tile/8/")]
		if !ok {
			return nil, fmt.Errorf("missing tile %s", t.Path())
		}
		out[i] = data
	}
	return out, nil
}

func (m memoryTiles) SaveTiles([]tlog.Tile, [][]byte) {}

func toHash(b []byte) (h tlog.Hash, err error) {
	if len(b) != tlog.HashSize {
		return h, fmt.Errorf("hash of %d bytes", len(b))
	}
	copy(h[:], b)
	return h, nil
}

func toHashes(list [][]byte) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(list))
	for i, b := range list {
		h, err := toHash(b)
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

func fromHashes(list []tlog.Hash) [][]byte {
	out := make([][]byte, len(list))
	for i := range list {
		out[i] = append([]byte(nil), list[i][:]...)
	}
	return out
}

// storedTree builds x/mod's stored-hash layout for the entries and returns its reader.
func storedTree(entries [][]byte) (tlog.HashReader, error) {
	var stored []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			out[i] = stored[x]
		}
		return out, nil
	})
	for i, e := range entries {
		hashes, err := tlog.StoredHashes(int64(i), e, reader)
		if err != nil {
			return nil, err
		}
		stored = append(stored, hashes...)
	}
	return reader, nil
}

func checkTree(t treeCheck) treeResult {
	var out treeResult
	stored, err := storedTree(t.Entries)
	if err == nil {
		root, err := tlog.TreeHash(t.Size, stored)
		if err == nil {
			out.Root = root[:]
		}
	}
	root, err := toHash(t.Root)
	if err != nil {
		out.TileReads = errResult(err)
		return out
	}
	// Every path parses as an x/mod tile and prints back identically.
	out.TilePaths = result{OK: true}
	for path := range t.Tiles {
		tile, err := tlog.ParseTilePath("tile/8/" + strings.TrimPrefix(path, "tile/"))
		if err != nil || tile.Path() != "tile/8/"+strings.TrimPrefix(path, "tile/") {
			out.TilePaths = result{Err: fmt.Sprintf("tile path %s: %v", path, err)}
		}
	}
	// x/mod's TileHashReader authenticates every tile it loads against the root.
	reader := tlog.TileHashReader(tlog.Tree{N: t.Size, Hash: root}, memoryTiles(t.Tiles))
	_, err = tlog.TreeHash(t.Size, reader)
	out.TileReads = errResult(err)
	for _, p := range t.Inclusion {
		proof, err := toHashes(p.Proof)
		if err == nil {
			err = tlog.CheckRecord(proof, t.Size, root, p.Index, tlog.RecordHash(t.Entries[p.Index]))
		}
		r := errResult(err)
		if goProof, err := tlog.ProveRecord(t.Size, p.Index, reader); err == nil {
			r.Proof = fromHashes(goProof)
		}
		out.Inclusion = append(out.Inclusion, r)
	}
	for _, p := range t.Consistency {
		proof, err := toHashes(p.Proof)
		var old tlog.Hash
		if err == nil {
			old, err = toHash(p.Root)
		}
		if err == nil {
			err = tlog.CheckTree(proof, t.Size, root, p.Index, old)
		}
		r := errResult(err)
		if goProof, err := tlog.ProveTree(t.Size, p.Index, reader); err == nil {
			r.Proof = fromHashes(goProof)
		}
		out.Consistency = append(out.Consistency, r)
	}
	return out
}

func main() {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "bad request:", err)
		os.Exit(2)
	}
	var rep report
	for _, c := range req.Notes {
		v, err := note.NewVerifier(c.Vkey)
		if err != nil {
			rep.Notes = append(rep.Notes, errResult(err))
			continue
		}
		n, err := note.Open([]byte(c.Msg), note.VerifierList(v))
		r := errResult(err)
		if n != nil {
			for _, s := range n.Sigs {
				r.Verified = append(r.Verified, s.Name)
			}
		}
		rep.Notes = append(rep.Notes, r)
	}
	for _, c := range req.Signs {
		s, err := note.NewSigner(c.Skey)
		if err == nil {
			var msg []byte
			msg, err = note.Sign(&note.Note{Text: c.Text}, s)
			r := errResult(err)
			r.Note = string(msg)
			rep.Signs = append(rep.Signs, r)
			continue
		}
		rep.Signs = append(rep.Signs, errResult(err))
	}
	for _, t := range req.Trees {
		rep.Trees = append(rep.Trees, checkTree(t))
	}
	generate(&req, &rep)
	if err := json.NewEncoder(os.Stdout).Encode(rep); err != nil {
		os.Exit(3)
	}
}

// generate makes a key, a signed note, a tree, its tiles and proofs with x/mod, for TypeScript to verify.
func generate(req *request, rep *report) {
	g := req.Generate
	skey, vkey, err := note.GenerateKey(bytes.NewReader(g.Seed), g.Name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate key:", err)
		os.Exit(4)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		os.Exit(4)
	}
	msg, err := note.Sign(&note.Note{Text: g.Text}, signer)
	if err != nil {
		os.Exit(4)
	}
	rep.Skey, rep.Vkey, rep.Note = skey, vkey, string(msg)
	stored, err := storedTree(g.Entries)
	if err != nil {
		os.Exit(5)
	}
	n := int64(len(g.Entries))
	root, err := tlog.TreeHash(n, stored)
	if err != nil {
		os.Exit(5)
	}
	rep.GoRoot = root[:]
	rep.GoTiles = map[string][]byte{}
	for _, tile := range tlog.NewTiles(8, 0, n) {
		data, err := tlog.ReadTileData(tile, stored)
		if err != nil {
			os.Exit(6)
		}
		rep.GoTiles["tile/"+strings.TrimPrefix(tile.Path(), "tile/8/")] = data
	}
	for i := int64(0); i < n; i++ {
		p, err := tlog.ProveRecord(n, i, stored)
		if err != nil {
			os.Exit(7)
		}
		rep.GoProofs = append(rep.GoProofs, fromHashes(p))
	}
	for m := int64(1); m <= n; m++ {
		p, err := tlog.ProveTree(n, m, stored)
		if err != nil {
			os.Exit(7)
		}
		rep.GoTreeOld = append(rep.GoTreeOld, fromHashes(p))
	}
}
