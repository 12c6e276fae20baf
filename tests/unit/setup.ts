// Real Dexie on fake-indexeddb; real WebCrypto from Node.
import 'fake-indexeddb/auto';
